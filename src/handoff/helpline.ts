/**
 * The charity's advice line, as published (FACTS.md §15). Plain data so the greeting, the fallback
 * and (later) the hand-off and opening-hours code all say the same thing.
 */
export const HELPLINE = Object.freeze({
  name: 'Family Rights Group advice line',
  number: '0808 801 0366',
  /** tel: links need the number without spaces. */
  telUri: 'tel:08088010366',
  hoursInWords: 'Monday to Friday, 9:30am to 3pm (not bank holidays)',
  textphone: 'Textphone: dial 18001 then 0808 801 0366',
  costNote: 'Calls are free',
});

/** Only 999 and these lines answer at any hour (FACTS.md §15 safety notes). */
export const EMERGENCY = Object.freeze({
  emergencyNumber: '999',
  domesticAbuseLine: 'National Domestic Abuse Helpline: 0808 2000 247 (free, 24 hours)',
  samaritans: 'Samaritans: 116 123 (free, 24 hours)',
  childline: 'Childline, for anyone under 19: 0800 1111 (free, 24 hours)',
});
