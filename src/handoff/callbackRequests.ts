import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../storage/sqliteDatabase';

export type CallbackStatus = 'new' | 'contacted' | 'closed';
export const CALLBACK_STATUSES: readonly CallbackStatus[] = ['new', 'contacted', 'closed'];

/** What a person leaves when the helpline is closed or busy, with the safe-contact answers. */
export interface NewCallbackRequest {
  readonly phone: string | null;
  readonly email: string | null;
  readonly bestTime: string;
  readonly message: string | null;
  /** null = the person did not say. */
  readonly voicemailOk: boolean | null;
  readonly sayOrganisationOk: boolean | null;
  readonly avoidTimes: string | null;
  readonly topic: string | null;
}

export interface CallbackRequest extends NewCallbackRequest {
  readonly id: string;
  readonly createdAt: string;
  readonly status: CallbackStatus;
  readonly statusChangedBy: string | null;
  readonly statusChangedAt: string | null;
}

export interface CallbackStatusChange {
  readonly status: CallbackStatus;
  readonly changedBy: string;
  readonly changedAt: string;
}

interface Row {
  id: string;
  created_at: string;
  phone: string | null;
  email: string | null;
  best_time: string;
  message: string | null;
  voicemail_ok: number | null;
  say_organisation_ok: number | null;
  avoid_times: string | null;
  topic: string | null;
  status: CallbackStatus;
  status_changed_by: string | null;
  status_changed_at: string | null;
}

/** Callback requests and the history of who changed their status, in SQLite. */
export class CallbackRequests {
  constructor(private readonly db: SqliteDatabase) {}

  add(request: NewCallbackRequest, now: Date): CallbackRequest {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO callback_requests (id, created_at, phone, email, best_time, message, voicemail_ok, say_organisation_ok, avoid_times, topic, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')`,
      )
      .run(id, now.toISOString(), request.phone, request.email, request.bestTime, request.message, flag(request.voicemailOk), flag(request.sayOrganisationOk), request.avoidTimes, request.topic);
    return this.get(id) as CallbackRequest;
  }

  get(id: string): CallbackRequest | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM callback_requests WHERE id = ?').get(id);
    return row && toRequest(row);
  }

  /** Newest first; optionally only one status. */
  list(status?: CallbackStatus): CallbackRequest[] {
    const rows = status
      ? this.db.prepare<[string], Row>('SELECT * FROM callback_requests WHERE status = ? ORDER BY created_at DESC').all(status)
      : this.db.prepare<[], Row>('SELECT * FROM callback_requests ORDER BY created_at DESC').all();
    return rows.map(toRequest);
  }

  setStatus(id: string, status: CallbackStatus, changedBy: string, now: Date): CallbackRequest | undefined {
    const at = now.toISOString();
    const change = this.db.transaction(() => {
      const result = this.db
        .prepare('UPDATE callback_requests SET status = ?, status_changed_by = ?, status_changed_at = ? WHERE id = ?')
        .run(status, changedBy, at, id);
      if (result.changes === 1) {
        this.db.prepare('INSERT INTO callback_status_changes (callback_id, status, changed_by, changed_at) VALUES (?, ?, ?, ?)').run(id, status, changedBy, at);
      }
      return result.changes === 1;
    });
    return change() ? this.get(id) : undefined;
  }

  history(id: string): CallbackStatusChange[] {
    return this.db
      .prepare<[string], { status: CallbackStatus; changed_by: string; changed_at: string }>(
        'SELECT status, changed_by, changed_at FROM callback_status_changes WHERE callback_id = ? ORDER BY id',
      )
      .all(id)
      .map((r) => ({ status: r.status, changedBy: r.changed_by, changedAt: r.changed_at }));
  }
}

function flag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

function toRequest(row: Row): CallbackRequest {
  const bool = (v: number | null) => (v === null ? null : v === 1);
  return {
    id: row.id,
    createdAt: row.created_at,
    phone: row.phone,
    email: row.email,
    bestTime: row.best_time,
    message: row.message,
    voicemailOk: bool(row.voicemail_ok),
    sayOrganisationOk: bool(row.say_organisation_ok),
    avoidTimes: row.avoid_times,
    topic: row.topic,
    status: row.status,
    statusChangedBy: row.status_changed_by,
    statusChangedAt: row.status_changed_at,
  };
}
