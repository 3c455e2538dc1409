/** The kinds of danger the bot signposts at once (issue 4). Order is priority: the first is shown first. */
export const CRISIS_CATEGORIES = ['violence-now', 'child-at-risk-now', 'suicide-self-harm', 'medical-emergency'] as const;

export type CrisisCategory = (typeof CRISIS_CATEGORIES)[number];

export function isCrisisCategory(value: unknown): value is CrisisCategory {
  return typeof value === 'string' && (CRISIS_CATEGORIES as readonly string[]).includes(value);
}
