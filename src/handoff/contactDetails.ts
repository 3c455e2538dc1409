import { findEmails, findPhoneNumbers } from '../language/sequenceModels';

export type ContactDetail =
  | { readonly kind: 'phone'; readonly value: string }
  | { readonly kind: 'email'; readonly value: string };

/**
 * Finds a UK phone number or an email address in what someone typed ("my number is 07700 900123").
 * recognizers-text finds the candidate; the UK rules are ours: a number that, written the UK way
 * (+44 → 0), has 10 or 11 digits and starts 01, 02, 03, 05, 07, 08 or 09.
 */
export function readContactDetail(text: string): ContactDetail | undefined {
  const email = findEmails(text)[0];
  if (email) return { kind: 'email', value: String(email.resolution.value).toLowerCase() };
  for (const found of findPhoneNumbers(text)) {
    const uk = asUkNumber(String(found.resolution.value));
    if (uk) return { kind: 'phone', value: uk };
  }
  return undefined;
}

/** "07700 900123" for display and for the adviser to dial, or undefined if it is not a UK number. */
export function asUkNumber(raw: string): string | undefined {
  let digits = raw.replace(/[^\d+]/g, '');
  if (digits.startsWith('+44')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  if (digits.startsWith('0(0)')) digits = digits.replace('(0)', '');
  digits = digits.replace(/^00?(?=0)/, '');
  if (!/^0[1235789]\d{8,9}$/.test(digits)) return undefined;
  if (digits.startsWith('07') && digits.length !== 11) return undefined;
  return groupDigits(digits);
}

/** The usual UK groupings: 020 7946 0018, 0121 496 0000, 07700 900123. */
function groupDigits(d: string): string {
  if (d.length === 10) return `${d.slice(0, 4)} ${d.slice(4)}`;
  if (d.startsWith('02')) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  if (/^01\d1|^011/.test(d)) return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  return `${d.slice(0, 5)} ${d.slice(5)}`;
}
