import { randomBytes } from 'node:crypto';

/** Unguessable, URL- and header-safe ids (a conversation id is a capability only together with its token). */
export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

/** The `dl_` prefix is Direct Line's convention for server-chosen user ids (enhanced authentication). */
export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
