import { EndedBy, Handoff, HandoffMessage, MessageSender } from './handoffTypes';

/**
 * A handoffs row as either database returns it. PostgreSQL's jsonb conversation_ref arrives parsed,
 * and a bigint may arrive as a string from a pool without the app's number parser.
 */
export interface HandoffRow {
  id: string;
  conversation_id: string;
  conversation_ref: string | object;
  status: Handoff['status'];
  topic: string | null;
  summary: string;
  transcript: string | null;
  requested_at: string;
  last_user_activity_at: string;
  still_there_asked_at: string | null;
  accepted_at: string | null;
  adviser_id: number | string | null;
  adviser_name: string | null;
  ended_at: string | null;
  ended_by: EndedBy | null;
  outcome: string | null;
  feedback: Handoff['feedback'];
}

export interface MessageRow {
  id: number | string;
  handoff_id: string;
  sender: MessageSender;
  text: string;
  sent_at: string;
  delivered_at: string | null;
}

/** The columns both databases have (PostgreSQL's handoffs also has `seq`, which callers never see). */
export const HANDOFF_COLUMNS =
  'id, conversation_id, conversation_ref, status, topic, summary, transcript, requested_at, last_user_activity_at, ' +
  'still_there_asked_at, accepted_at, adviser_id, adviser_name, ended_at, ended_by, outcome, feedback';
export const MESSAGE_COLUMNS = 'id, handoff_id, sender, text, sent_at, delivered_at';

export function toHandoff(row: HandoffRow): Handoff {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    conversationRef: typeof row.conversation_ref === 'string' ? (JSON.parse(row.conversation_ref) as unknown) : row.conversation_ref,
    status: row.status,
    topic: row.topic,
    learned: JSON.parse(row.summary) as Handoff['learned'],
    transcript: row.transcript ? (JSON.parse(row.transcript) as Handoff['transcript']) : null,
    requestedAt: row.requested_at,
    lastUserActivityAt: row.last_user_activity_at,
    stillThereAskedAt: row.still_there_asked_at,
    acceptedAt: row.accepted_at,
    adviserId: row.adviser_id === null ? null : Number(row.adviser_id),
    adviserName: row.adviser_name,
    endedAt: row.ended_at,
    endedBy: row.ended_by,
    outcome: row.outcome,
    feedback: row.feedback,
  };
}

export function toMessage(row: MessageRow): HandoffMessage {
  return { id: Number(row.id), handoffId: row.handoff_id, sender: row.sender, text: row.text, sentAt: row.sent_at, deliveredAt: row.delivered_at };
}
