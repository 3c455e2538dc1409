import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../storage/sqliteDatabase';
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

/** Callback requests in the bot's SQLite file (flags as 0/1). */
export class SqliteCallbackRequests implements CallbackRequests {
  constructor(private readonly db: SqliteDatabase) {}

  async add(request: NewCallbackRequest, now: Date): Promise<CallbackRequest> {
    const id = randomUUID();
    const r = storableRequest(request);
    this.db
      .prepare(
        `INSERT INTO callback_requests (id, created_at, phone, email, best_time, message, voicemail_ok, say_organisation_ok, avoid_times, topic, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')`,
      )
      .run(id, now.toISOString(), r.phone, r.email, r.bestTime, r.message, flag(r.voicemailOk), flag(r.sayOrganisationOk), r.avoidTimes, r.topic);
    return this.row(id) as CallbackRequest;
  }

  async get(id: string): Promise<CallbackRequest | undefined> {
    return this.row(id);
  }

  async list(status?: CallbackStatus): Promise<CallbackRequest[]> {
    const rows = status
      ? this.db.prepare<[string], CallbackRow>('SELECT * FROM callback_requests WHERE status = ? ORDER BY created_at DESC').all(status)
      : this.db.prepare<[], CallbackRow>('SELECT * FROM callback_requests ORDER BY created_at DESC').all();
    return rows.map(toCallbackRequest);
  }

  async setStatus(id: string, status: CallbackStatus, changedBy: string, now: Date): Promise<CallbackRequest | undefined> {
    const at = now.toISOString();
    const change = this.db.transaction(() => {
      const { changes } = this.db
        .prepare('UPDATE callback_requests SET status = ?, status_changed_by = ?, status_changed_at = ? WHERE id = ?')
        .run(status, changedBy, at, id);
      if (changes === 1) {
        this.db.prepare('INSERT INTO callback_status_changes (callback_id, status, changed_by, changed_at) VALUES (?, ?, ?, ?)').run(id, status, changedBy, at);
      }
      return changes === 1;
    });
    return change() ? this.row(id) : undefined;
  }

  async history(id: string): Promise<CallbackStatusChange[]> {
    return this.db
      .prepare<[string], StatusChangeRow>('SELECT status, changed_by, changed_at FROM callback_status_changes WHERE callback_id = ? ORDER BY id')
      .all(id)
      .map(toStatusChange);
  }

  private row(id: string): CallbackRequest | undefined {
    const row = this.db.prepare<[string], CallbackRow>('SELECT * FROM callback_requests WHERE id = ?').get(id);
    return row && toCallbackRequest(row);
  }
}

function flag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}
