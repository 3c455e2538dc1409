import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from '../storage/postgresPool';
import {
  CallbackRequest,
  CallbackRequests,
  CallbackRow,
  CallbackStatus,
  CallbackStatusChange,
  NewCallbackRequest,
  StatusChangeRow,
  storableRequest,
  toCallbackRequest,
  toStatusChange,
} from './callbackRequests';

const COLUMNS =
  'id, created_at, phone, email, best_time, message, voicemail_ok, say_organisation_ok, avoid_times, topic, status, status_changed_by, status_changed_at';

/** Callback requests in PostgreSQL, shared by every instance (flags as booleans). */
export class PostgresCallbackRequests implements CallbackRequests {
  constructor(private readonly pool: pg.Pool) {}

  async add(request: NewCallbackRequest, now: Date): Promise<CallbackRequest> {
    const r = storableRequest(request);
    const { rows } = await this.pool.query<CallbackRow>(
      `INSERT INTO callback_requests (id, created_at, phone, email, best_time, message, voicemail_ok, say_organisation_ok, avoid_times, topic, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'new') RETURNING ${COLUMNS}`,
      [randomUUID(), now.toISOString(), r.phone, r.email, r.bestTime, r.message, r.voicemailOk, r.sayOrganisationOk, r.avoidTimes, r.topic],
    );
    return toCallbackRequest(rows[0]);
  }

  async get(id: string): Promise<CallbackRequest | undefined> {
    const { rows } = await this.pool.query<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE id = $1`, [id]);
    return rows[0] && toCallbackRequest(rows[0]);
  }

  async list(status?: CallbackStatus): Promise<CallbackRequest[]> {
    // The id only makes the order of requests made in the same millisecond repeatable (there is no insertion order to use).
    const { rows } = status
      ? await this.pool.query<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests WHERE status = $1 ORDER BY created_at DESC, id`, [status])
      : await this.pool.query<CallbackRow>(`SELECT ${COLUMNS} FROM callback_requests ORDER BY created_at DESC, id`);
    return rows.map(toCallbackRequest);
  }

  async setStatus(id: string, status: CallbackStatus, changedBy: string, now: Date): Promise<CallbackRequest | undefined> {
    const at = now.toISOString();
    // The change and its history entry are kept together or not at all.
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<CallbackRow>(
        `UPDATE callback_requests SET status = $1, status_changed_by = $2, status_changed_at = $3 WHERE id = $4 RETURNING ${COLUMNS}`,
        [status, changedBy, at, id],
      );
      if (!rows[0]) return undefined;
      await client.query('INSERT INTO callback_status_changes (callback_id, status, changed_by, changed_at) VALUES ($1, $2, $3, $4)', [id, status, changedBy, at]);
      return toCallbackRequest(rows[0]);
    });
  }

  async history(id: string): Promise<CallbackStatusChange[]> {
    const { rows } = await this.pool.query<StatusChangeRow>(
      'SELECT status, changed_by, changed_at FROM callback_status_changes WHERE callback_id = $1 ORDER BY id',
      [id],
    );
    return rows.map(toStatusChange);
  }
}
