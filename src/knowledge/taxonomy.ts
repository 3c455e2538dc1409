/** The fixed topic ids from shared/TAXONOMY.md. Never invent ids in code: add to the taxonomy first. */
export const TOPIC_IDS = [
  'referral-assessment',
  'malicious-referral',
  'child-protection-plan',
  'domestic-abuse',
  'section-20',
  'care-proceedings',
  'contact-child-in-care',
  'kinship-care',
  'complaint-social-worker',
  'parental-responsibility',
  'private-law',
  'convictions-risk',
  'family-group-conference',
  'records-access',
  'legal-help',
  'adoption',
  'pre-birth',
  'out-of-scope',
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

/** Topics with a guided conversation (issue 4); `offerDialog` in an entry must be one of these. */
export const DIALOG_TOPICS: readonly TopicId[] = [
  'referral-assessment',
  'malicious-referral',
  'child-protection-plan',
  'domestic-abuse',
  'section-20',
  'care-proceedings',
  'complaint-social-worker',
  'kinship-care',
];

export function isTopicId(value: unknown): value is TopicId {
  return typeof value === 'string' && (TOPIC_IDS as readonly string[]).includes(value);
}
