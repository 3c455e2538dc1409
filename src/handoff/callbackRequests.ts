import { storableText } from './storableText';

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

/**
 * Callback requests and the history of who changed their status: in the SQLite file
 * (`SqliteCallbackRequests`) or in PostgreSQL (`PostgresCallbackRequests`), shared by every instance.
 */
export interface CallbackRequests {
  add(request: NewCallbackRequest, now: Date): Promise<CallbackRequest>;
  get(id: string): Promise<CallbackRequest | undefined>;
  /** Newest first; optionally only one status. */
  list(status?: CallbackStatus): Promise<CallbackRequest[]>;
  /** The request as changed, or undefined when there is no such request. Each change is kept in its history. */
  setStatus(id: string, status: CallbackStatus, changedBy: string, now: Date): Promise<CallbackRequest | undefined>;
  /** Status changes, oldest first. */
  history(id: string): Promise<CallbackStatusChange[]>;
}

/** A callback_requests row: SQLite gives the flags as 0/1, PostgreSQL as booleans. */
export interface CallbackRow {
  id: string;
  created_at: string;
  phone: string | null;
  email: string | null;
  best_time: string;
  message: string | null;
  voicemail_ok: number | boolean | null;
  say_organisation_ok: number | boolean | null;
  avoid_times: string | null;
  topic: string | null;
  status: CallbackStatus;
  status_changed_by: string | null;
  status_changed_at: string | null;
}

export interface StatusChangeRow {
  status: CallbackStatus;
  changed_by: string;
  changed_at: string;
}

/** The request with what the person typed made storable (see storableText). */
export function storableRequest(request: NewCallbackRequest): NewCallbackRequest {
  const text = (value: string | null) => (value === null ? null : storableText(value));
  return {
    ...request,
    phone: text(request.phone),
    email: text(request.email),
    bestTime: storableText(request.bestTime),
    message: text(request.message),
    avoidTimes: text(request.avoidTimes),
  };
}

export function toCallbackRequest(row: CallbackRow): CallbackRequest {
  const flag = (v: number | boolean | null) => (v === null ? null : v === true || v === 1);
  return {
    id: row.id,
    createdAt: row.created_at,
    phone: row.phone,
    email: row.email,
    bestTime: row.best_time,
    message: row.message,
    voicemailOk: flag(row.voicemail_ok),
    sayOrganisationOk: flag(row.say_organisation_ok),
    avoidTimes: row.avoid_times,
    topic: row.topic,
    status: row.status,
    statusChangedBy: row.status_changed_by,
    statusChangedAt: row.status_changed_at,
  };
}

export function toStatusChange(row: StatusChangeRow): CallbackStatusChange {
  return { status: row.status, changedBy: row.changed_by, changedAt: row.changed_at };
}
