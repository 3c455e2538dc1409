import type pg from 'pg';
import { storableText } from '../handoff/storableText';
import { checkPhrasing, PhrasingSuggestion, PhrasingSuggestions, SuggestionRow, toSuggestion } from './phrasingSuggestions';

const COLUMNS = 'id, entry_id, phrasing, accepted_by, accepted_at, applied_at';

/** Accepted phrasings in PostgreSQL, shared by every instance. */
export class PostgresPhrasingSuggestions implements PhrasingSuggestions {
  constructor(private readonly pool: pg.Pool) {}

  async accept(entryId: string, phrasing: string, acceptedBy: string, now: Date): Promise<PhrasingSuggestion | string> {
    const checked = checkPhrasing(phrasing);
    if (typeof checked === 'string') return checked;
    // Two staff accepting the same phrasing at once: the unique key lets one in, both get that row.
    await this.pool.query(
      'INSERT INTO phrasing_suggestions (entry_id, phrasing, accepted_by, accepted_at) VALUES ($1, $2, $3, $4) ON CONFLICT (entry_id, phrasing) DO NOTHING',
      [entryId, checked.text, storableText(acceptedBy), now.toISOString()],
    );
    const { rows } = await this.pool.query<SuggestionRow>(`SELECT ${COLUMNS} FROM phrasing_suggestions WHERE entry_id = $1 AND phrasing = $2`, [entryId, checked.text]);
    return toSuggestion(rows[0]);
  }

  async list(): Promise<PhrasingSuggestion[]> {
    const { rows } = await this.pool.query<SuggestionRow>(`SELECT ${COLUMNS} FROM phrasing_suggestions ORDER BY id DESC`);
    return rows.map(toSuggestion);
  }

  async pending(): Promise<PhrasingSuggestion[]> {
    const { rows } = await this.pool.query<SuggestionRow>(`SELECT ${COLUMNS} FROM phrasing_suggestions WHERE applied_at IS NULL ORDER BY id`);
    return rows.map(toSuggestion);
  }

  async markApplied(ids: readonly number[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query('UPDATE phrasing_suggestions SET applied_at = $1 WHERE id = ANY($2::bigint[])', [now.toISOString(), [...ids]]);
  }
}
