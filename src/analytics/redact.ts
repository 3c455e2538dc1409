import { recognizeDateTime } from '@microsoft/recognizers-text-suite';
import { findEmails, findPhoneNumbers, findUrls } from '../language/sequenceModels';
import { PUBLIC_NUMBERS_DIGITS } from './publicNumbers';
import { findNames } from './redactNames';

/** What each kind of personal detail becomes in analytics. */
export const REDACTION_TOKENS = Object.freeze({
  email: '[EMAIL]',
  url: '[URL]',
  phone: '[PHONE]',
  postcode: '[POSTCODE]',
  nhsNumber: '[NHS_NUMBER]',
  niNumber: '[NI_NUMBER]',
  dateOfBirth: '[DATE_OF_BIRTH]',
  reference: '[REFERENCE]',
  address: '[ADDRESS]',
  name: '[NAME]',
  number: '[NUMBER]',
});

export type RedactionKind = keyof typeof REDACTION_TOKENS;

export interface RedactedText {
  readonly text: string;
  /** How many details of each kind were taken out (for checking, never the details). */
  readonly removed: Readonly<Partial<Record<RedactionKind, number>>>;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: RedactionKind;
}

/**
 * Takes personal details out of a message before anything is stored for analytics: emails, URLs
 * and phone numbers (found with recognizers-text), then UK postcodes, NHS and National Insurance
 * numbers, dates of birth, case and reference numbers, street addresses, and names where people
 * introduce themselves or name their family. Public helpline numbers, meeting dates, ages and
 * section numbers are not personal and stay, so staff can still read what people asked.
 */
export function redact(message: string): RedactedText {
  const spans: Span[] = [
    ...recognised(message, findEmails, 'email'),
    ...recognised(message, findUrls, 'url'),
    ...matches(message, BARE_URL, 'url'),
    ...phoneNumbers(message),
    ...matches(message, POSTCODE, 'postcode'),
    ...matches(message, NI_NUMBER, 'niNumber'),
    ...matches(message, NHS_NUMBER, 'nhsNumber'),
    ...datesOfBirth(message),
    ...matches(message, REFERENCE_AFTER_CUE, 'reference', 'ref'),
    ...matches(message, REFERENCE_SHAPE, 'reference'),
    ...matches(message, ADDRESS, 'address'),
    ...names(message),
    ...matches(message, LONG_NUMBER, 'number').filter((span) => !isPublicNumber(message.slice(span.start, span.end)) && !ISO_DATE.test(message.slice(span.start, span.end))),
  ];
  return apply(message, spans);
}

/** `https://…`, `www.…`, `facebook.com/…`: recognizers-text misses some of these. */
const BARE_URL = /\b(?:https?:\/\/\S+|www\.\S+|[a-z0-9-]+\.(?:com|co\.uk|org\.uk|org|net|uk|io|me)\/\S*)/gi;
const POSTCODE = /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?\d[ABD-HJLNP-UW-Z]{2}\b/gi;
const NI_NUMBER = /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi;
/** Ten digits, usually 3-3-4; never starting with 0 (that is a phone number). */
const NHS_NUMBER = /\b[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}\b/g;
/** The number after "case ref", "reference", "case number"...: whatever its shape. */
const REFERENCE_AFTER_CUE =
  /\b(?:ref(?:erence)?|case|file|claim|crime|incident|account|membership|client|customer|log|job)(?:\s+(?:no|number|num|ref|reference|id))?\.?(?:\s+(?:is|was))?\s*[:#-]?\s*(?<ref>(?=[A-Z0-9/.-]*\d)[A-Z0-9][A-Z0-9/.-]{3,}[A-Z0-9])/gi;
/** Letters and digits mixed like court and council references: ZW23C50012, CP/2023/0456, ABC-12345. */
const REFERENCE_SHAPE = /\b(?=[A-Z0-9/-]*\d{3})(?=[A-Z0-9/-]*[A-Z])(?:[A-Z]{1,4}[/-]?\d{2,}[A-Z0-9/-]*\d|[A-Z]{2,}\d{2}[A-Z]\d{4,})\b/g;
const STREET =
  '(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|cres|place|pl|gardens|gdns|grove|terrace|hill|park|walk|row|square|sq|mews|view|rise|green|parade|estate|house|buildings|boulevard)';
/** Welsh street names start with the kind of street: "Heol y Parc", "Tan y Bryn", "Ffordd Las". */
const WELSH_STREET = '(?:heol|ffordd|stryd|lon|lôn|tan|maes|bryn|cae|parc|nant|ty|tŷ|plas|rhodfa|cilgant)';
/** "14 Acacia Avenue", "flat 3, 22 Station Road", "12b High St", "2 Heol y Parc". */
const ADDRESS = new RegExp(
  String.raw`\b(?:(?:flat|apartment|apt|unit|room)\s*\d+[a-z]?,?\s*)?\d{1,4}[a-z]?,?\s+(?:(?:[a-z'-]+\s+){1,3}${STREET}\b|${WELSH_STREET}\s+(?:y\s+|yr\s+)?[a-zŵŷâêîôû'-]+)|\b(?:flat|apartment|apt)\s*\d+[a-z]?\b`,
  'gi',
);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Six or more digits in a row that nothing else claimed: an account, a reference, a number to ring. */
const LONG_NUMBER = /(?<![£$€\d.,])\b\d(?:[ -]?\d){5,}\b(?![.,]\d)/g;

function recognised(text: string, find: (text: string) => Array<{ start: number; end: number }>, kind: RedactionKind): Span[] {
  return find(text).map((found) => ({ start: found.start, end: found.end + 1, kind }));
}

function matches(text: string, pattern: RegExp, kind: RedactionKind, group?: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = group ? match.groups?.[group] : match[0];
    if (!value) continue;
    const start = (match.index ?? 0) + (group ? match[0].lastIndexOf(value) : 0);
    spans.push({ start, end: start + value.length, kind });
  }
  return spans;
}

/** Phone numbers, except the public helplines people are told to ring (they stay readable). */
function phoneNumbers(text: string): Span[] {
  // Each phone number kept below has six digits, so a message with fewer has none to look for.
  if ((text.match(ASCII_DIGITS)?.length ?? 0) < 6) return [];
  const found = [...recognised(text, findPhoneNumbers, 'phone'), ...matches(text, UK_PHONE, 'phone')];
  return found.filter((span) => {
    const value = text.slice(span.start, span.end);
    return value.replace(/\D/g, '').length >= 6 && !isPublicNumber(value);
  });
}

function isPublicNumber(value: string): boolean {
  return PUBLIC_NUMBERS_DIGITS.has(value.replace(/\D/g, '').replace(/^44/, '0'));
}

const ASCII_DIGITS = /\d/g;
const UK_PHONE = /(?:\+44\s?\(?0?\)?\s?|\b0)(?:\d[\s-]?){9,10}\b/g;

/** A date near "born", "DOB", "date of birth" or "birthday" is a date of birth; other dates (meetings) stay. */
function datesOfBirth(text: string): Span[] {
  const spans: Span[] = [];
  for (const cue of text.matchAll(DOB_CUE)) {
    const from = (cue.index ?? 0) + cue[0].length;
    const window = text.slice(from, from + 40);
    const date = recognizeDateTime(window, 'en-gb').find((d) => d.typeName.startsWith('datetimeV2.date') && d.start <= 12);
    const numeric = NUMERIC_DATE.exec(window);
    if (date) spans.push({ start: from + date.start, end: from + date.end + 1, kind: 'dateOfBirth' });
    else if (numeric && numeric.index <= 12) spans.push({ start: from + numeric.index, end: from + numeric.index + numeric[0].length, kind: 'dateOfBirth' });
  }
  return spans;
}

const DOB_CUE = /\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?|birthday(?: is)?|birth date)\b\s*[:-]?/gi;
const NUMERIC_DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

function names(text: string): Span[] {
  return findNames(text).map(([start, end]) => ({ start, end, kind: 'name' as const }));
}

/** When two finds cover the same words, the more specific kind names them. */
const PRECEDENCE: readonly RedactionKind[] = ['email', 'url', 'nhsNumber', 'niNumber', 'dateOfBirth', 'postcode', 'reference', 'phone', 'address', 'name', 'number'];

function apply(text: string, found: Span[]): RedactedText {
  // Recognizers sometimes take the space after a number with it; leave spacing as the person typed it.
  const spans = found.map((span) => ({ ...span, end: span.start + text.slice(span.start, span.end).trimEnd().length }));
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || PRECEDENCE.indexOf(a.kind) - PRECEDENCE.indexOf(b.kind));
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      if (span.end > last.end) merged[merged.length - 1] = { ...last, end: span.end };
      continue;
    }
    merged.push(span);
  }
  let out = '';
  let at = 0;
  const removed: Partial<Record<RedactionKind, number>> = {};
  for (const span of merged) {
    out += text.slice(at, span.start) + REDACTION_TOKENS[span.kind];
    at = span.end;
    removed[span.kind] = (removed[span.kind] ?? 0) + 1;
  }
  return { text: out + text.slice(at), removed };
}
