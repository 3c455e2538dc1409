import type { SqliteDatabase } from '../storage/sqliteDatabase';

export interface PhrasingSuggestion {
  readonly id: number;
  readonly entryId: string;
  readonly phrasing: string;
  readonly acceptedBy: string;
  readonly acceptedAt: string;
  readonly appliedAt: string | null;
}

interface Row {
  id: number;
  entry_id: string;
  phrasing: string;
  accepted_by: string;
  accepted_at: string;
  applied_at: string | null;
}

/** A phrasing still holding a redaction placeholder would teach the matcher "[NAME]". */
const PLACEHOLDER = /\[[A-Z_]+\]/;

/**
 * Questions people asked that staff accepted as new phrasings of an entry. `npm run
 * kb:apply-suggestions` writes them into the entry files, for review in version control.
 */
export class PhrasingSuggestions {
  constructor(private readonly db: SqliteDatabase) {}

  /** Returns the suggestion, or a sentence saying why it cannot be accepted. */
  accept(entryId: string, phrasing: string, acceptedBy: string, now: Date): PhrasingSuggestion | string {
    const text = phrasing.replace(/\s+/g, ' ').trim();
    if (text.length < 3 || text.length > 300) return 'A phrasing must be 3 to 300 characters long.';
    if (PLACEHOLDER.test(text)) return 'Remove the placeholder (like [NAME]) first: write the question in general words.';
    this.db
      .prepare('INSERT INTO phrasing_suggestions (entry_id, phrasing, accepted_by, accepted_at) VALUES (?, ?, ?, ?) ON CONFLICT (entry_id, phrasing) DO NOTHING')
      .run(entryId, text, acceptedBy, now.toISOString());
    const row = this.db.prepare<[string, string], Row>('SELECT * FROM phrasing_suggestions WHERE entry_id = ? AND phrasing = ?').get(entryId, text);
    return toSuggestion(row as Row);
  }

  list(): PhrasingSuggestion[] {
    return this.db.prepare<[], Row>('SELECT * FROM phrasing_suggestions ORDER BY id DESC').all().map(toSuggestion);
  }

  pending(): PhrasingSuggestion[] {
    return this.db.prepare<[], Row>('SELECT * FROM phrasing_suggestions WHERE applied_at IS NULL ORDER BY id').all().map(toSuggestion);
  }

  markApplied(ids: readonly number[], now: Date): void {
    const mark = this.db.prepare('UPDATE phrasing_suggestions SET applied_at = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => mark.run(now.toISOString(), id)))();
  }
}

function toSuggestion(row: Row): PhrasingSuggestion {
  return { id: row.id, entryId: row.entry_id, phrasing: row.phrasing, acceptedBy: row.accepted_by, acceptedAt: row.accepted_at, appliedAt: row.applied_at };
}
