import { Activity } from 'botbuilder';

/** Kept apart from activity ids in the same list, so a client id can never match an id the channel chose. */
const CLIENT_ID_PREFIX = 'client:';

/**
 * Where a reply carries the id the bot chose for it (see replyOutbox.ts) on the Direct Line channel.
 * The connector client drops `activity.id` from a reply before posting it, so the id travels in
 * channelData and the built-in gateway takes it from there.
 */
export const REPLY_ID_KEY = 'replyId';

/**
 * The ids a message is known by: the channel's activity id and, when its client set one (Web Chat's
 * `channelData.clientActivityID`), the client's own id, prefixed. A resend may keep only one of them.
 */
export function idsOf(activity: Partial<Activity>): string[] {
  const ids: string[] = [];
  if (activity.id) ids.push(activity.id);
  const clientId = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  if (typeof clientId === 'string' && clientId.length > 0) ids.push(`${CLIENT_ID_PREFIX}${clientId.slice(0, 100)}`);
  return ids;
}
