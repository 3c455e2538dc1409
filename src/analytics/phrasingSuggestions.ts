import { storableText } from '../handoff/storableText';

export interface PhrasingSuggestion {
  readonly id: number;
  readonly entryId: string;
  readonly phrasing: string;
  readonly acceptedBy: string;
  readonly acceptedAt: string;
  readonly appliedAt: string | null;
}

/**
 * Questions people asked that staff accepted as new phrasings of an entry, in SQLite or PostgreSQL
 * (see openAnalyticsStores). `npm run kb:apply-suggestions` writes them into the entry files, for
 * review in version control.
 */
export interface PhrasingSuggestions {
  /** Returns the suggestion (the one already there if staff accepted it before), or a sentence saying why it cannot be accepted. */
  accept(entryId: string, phrasing: string, acceptedBy: string, now: Date): Promise<PhrasingSuggestion | string>;
  /** Every suggestion, newest first. */
  list(): Promise<PhrasingSuggestion[]>;
  /** Suggestions not yet written into the entry files, oldest first. */
  pending(): Promise<PhrasingSuggestion[]>;
  markApplied(ids: readonly number[], now: Date): Promise<void>;
}

/** A phrasing still holding a redaction placeholder would teach the matcher "[NAME]". */
const PLACEHOLDER = /\[[A-Z_]+\]/;

/** The phrasing as it is stored (spaces tidied), or a sentence saying why it cannot be accepted. */
export function checkPhrasing(phrasing: string): { readonly text: string } | string {
  // NULs go too: PostgreSQL text cannot hold them, and an entry file should not.
  const text = storableText(phrasing).replace(/\s+/g, ' ').trim();
  if (text.length < 3 || text.length > 300) return 'A phrasing must be 3 to 300 characters long.';
  if (PLACEHOLDER.test(text)) return 'Remove the placeholder (like [NAME]) first: write the question in general words.';
  return { text };
}

export interface SuggestionRow {
  id: number;
  entry_id: string;
  phrasing: string;
  accepted_by: string;
  accepted_at: string;
  applied_at: string | null;
}

export function toSuggestion(row: SuggestionRow): PhrasingSuggestion {
  return { id: row.id, entryId: row.entry_id, phrasing: row.phrasing, acceptedBy: row.accepted_by, acceptedAt: row.accepted_at, appliedAt: row.applied_at };
}
