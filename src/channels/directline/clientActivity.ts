import { Activity, ChannelAccount } from 'botbuilder';
import { exceedsDepth, validateActivityLists } from '../../server/activityValidation';
import { MAX_BODY_BYTES } from '../../server/requestGuard';

const MAX_CHANNEL_DATA_BYTES = 16 * 1024;
/**
 * Web Chat sends messages, typing and events (postBack, Quick Exit). Anything else would reach the bot
 * as something no browser sends: an "invoke" got a 501 from the bot, so the client saw a 502.
 */
const CLIENT_ACTIVITY_TYPES = new Set(['message', 'typing', 'event']);
/**
 * The gateway adds ids, the conversation, serviceUrl and a timestamp before passing an activity to
 * /api/messages, which refuses bodies over MAX_BODY_BYTES. Leaving this much room means an activity
 * the gateway accepts always fits (before, one just under the limit was accepted and then answered 502).
 */
export const MAX_CLIENT_ACTIVITY_BYTES = MAX_BODY_BYTES - 8 * 1024;

export type ClientActivityCheck =
  | { readonly ok: true; readonly activity: Partial<Activity>; readonly clientActivityId?: string }
  | { readonly ok: false; readonly status: 400 | 413; readonly message: string };

/**
 * Keeps only the fields a web chat client may set. The sender is always the user the token was
 * issued to, whatever the client claims, so nobody can speak as the bot or as another person.
 */
export function readClientActivity(body: unknown, userId: string, bot: ChannelAccount): ClientActivityCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return refuse('Send one activity as a JSON object.');
  const input = body as Record<string, unknown>;
  if (typeof input.type !== 'string' || !CLIENT_ACTIVITY_TYPES.has(input.type)) return refuse('The activity needs a "type": "message", "typing" or "event".');
  if (input.text !== undefined && input.text !== null && typeof input.text !== 'string') return refuse('"text" must be a string.');
  if (exceedsDepth(input)) return refuse('The activity is nested too deeply.');
  if (input.attachments !== undefined && input.attachments !== null) {
    const problem = validateActivityLists({ attachments: input.attachments });
    if (problem) return refuse(`${problem}.`);
  }

  const channelData = input.channelData;
  if (channelData !== undefined && (typeof channelData !== 'object' || channelData === null || Array.isArray(channelData) || JSON.stringify(channelData).length > MAX_CHANNEL_DATA_BYTES)) {
    return refuse('"channelData" must be a small JSON object.');
  }
  const from = (input.from ?? {}) as Record<string, unknown>;
  const activity: Partial<Activity> = {
    type: input.type,
    from: { id: userId, name: typeof from.name === 'string' ? from.name.slice(0, 100) : '', role: 'user' },
    recipient: bot,
  };
  if (typeof input.text === 'string') activity.text = input.text;
  if (typeof input.textFormat === 'string' && input.textFormat.length <= 20) activity.textFormat = input.textFormat;
  if (typeof input.locale === 'string' && input.locale.length <= 20) activity.locale = input.locale;
  if (typeof input.name === 'string' && input.name.length <= 100) activity.name = input.name;
  if (input.value !== undefined) activity.value = input.value;
  if (Array.isArray(input.attachments)) activity.attachments = input.attachments as Activity['attachments'];
  if (channelData !== undefined) activity.channelData = channelData;
  if (Buffer.byteLength(JSON.stringify(activity)) > MAX_CLIENT_ACTIVITY_BYTES) {
    return { ok: false, status: 413, message: 'That message is too long to send. Please make it shorter.' };
  }

  const clientActivityId = (channelData as Record<string, unknown> | undefined)?.clientActivityID;
  return { ok: true, activity, clientActivityId: typeof clientActivityId === 'string' ? clientActivityId.slice(0, 100) : undefined };
}

function refuse(message: string): ClientActivityCheck {
  return { ok: false, status: 400, message };
}
