import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { checkPhrasing, PhrasingSuggestion, PhrasingSuggestions, SuggestionRow, toSuggestion } from './phrasingSuggestions';

/** Accepted phrasings in the SQLite file. */
export class SqlitePhrasingSuggestions implements PhrasingSuggestions {
  constructor(private readonly db: SqliteDatabase) {}

  async accept(entryId: string, phrasing: string, acceptedBy: string, now: Date): Promise<PhrasingSuggestion | string> {
    const checked = checkPhrasing(phrasing);
    if (typeof checked === 'string') return checked;
    this.db
      .prepare('INSERT INTO phrasing_suggestions (entry_id, phrasing, accepted_by, accepted_at) VALUES (?, ?, ?, ?) ON CONFLICT (entry_id, phrasing) DO NOTHING')
      .run(entryId, checked.text, acceptedBy, now.toISOString());
    const row = this.db.prepare<[string, string], SuggestionRow>('SELECT * FROM phrasing_suggestions WHERE entry_id = ? AND phrasing = ?').get(entryId, checked.text);
    return toSuggestion(row as SuggestionRow);
  }

  async list(): Promise<PhrasingSuggestion[]> {
    return this.db.prepare<[], SuggestionRow>('SELECT * FROM phrasing_suggestions ORDER BY id DESC').all().map(toSuggestion);
  }

  async pending(): Promise<PhrasingSuggestion[]> {
    return this.db.prepare<[], SuggestionRow>('SELECT * FROM phrasing_suggestions WHERE applied_at IS NULL ORDER BY id').all().map(toSuggestion);
  }

  async markApplied(ids: readonly number[], now: Date): Promise<void> {
    const mark = this.db.prepare('UPDATE phrasing_suggestions SET applied_at = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => mark.run(now.toISOString(), id)))();
  }
}
