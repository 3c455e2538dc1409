/**
 * Public helpline numbers (FACTS.md §15), as digits. They are not personal: a message that quotes
 * one keeps it, so staff can see which services people ask about.
 */
export const PUBLIC_NUMBERS_DIGITS: ReadonlySet<string> = new Set([
  '08088010366', // Family Rights Group advice line
  '999',
  '101',
  '18000',
  '18001',
  '08082000247', // National Domestic Abuse Helpline
  '08088010327', // Men's Advice Line
  '116123', // Samaritans
  '08001111', // Childline
  '08088005000', // NSPCC helpline
  '08081000900', // Stop It Now
  '03453454345', // Civil Legal Advice
  '03456096677', // Civil Legal Advice minicom
  '03000610614', // Local Government and Social Care Ombudsman
  '08088010800', // Live Fear Free
  '08081753333', // Cafcass children's feedback line
]);
