import { SequenceRecognizer } from '@microsoft/recognizers-text-sequence';

/** Where recognizers-text found something (`end` is the index of its last character) and its value. */
export interface Found {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly resolution: { readonly value?: unknown };
}

/**
 * Emails, URLs and phone numbers in a message. The suite's recognizeEmail() and friends build a
 * new recognizer, with every culture's models registered, on each call (over 100 µs each); every
 * message is checked for all three before analytics, so one recognizer is built, on first use,
 * and its models reused. They keep nothing between calls.
 */
let models: { email: Model; url: Model; phone: Model } | undefined;

interface Model {
  parse(query: string): Found[];
}

function sequenceModels(): { email: Model; url: Model; phone: Model } {
  if (!models) {
    const recognizer = new SequenceRecognizer('en-us');
    models = { email: recognizer.getEmailModel(), url: recognizer.getURLModel(), phone: recognizer.getPhoneNumberModel() };
  }
  return models;
}

/**
 * Characters every match needs, checked before the (slow) models run: most messages have no email,
 * URL or phone number in them. The models read full-width forms ("．", "：", "１") as their ASCII
 * characters, so those count too. Every email has an "@"; every URL a dot, or "://" before
 * "localhost"; every phone number a digit.
 */
const MAY_HOLD_EMAIL = /@/;
const MAY_HOLD_URL = /[.．:：]/;
const MAY_HOLD_PHONE = /[0-9０-９]/;

export const findEmails = (text: string): Found[] => (MAY_HOLD_EMAIL.test(text) ? sequenceModels().email.parse(text) : []);
export const findUrls = (text: string): Found[] => (MAY_HOLD_URL.test(text) ? sequenceModels().url.parse(text) : []);
export const findPhoneNumbers = (text: string): Found[] => (MAY_HOLD_PHONE.test(text) ? sequenceModels().phone.parse(text) : []);
