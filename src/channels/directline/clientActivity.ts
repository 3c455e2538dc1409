import { Activity, ChannelAccount } from 'botbuilder';
import { exceedsDepth } from '../../server/activityValidation';

const MAX_CHANNEL_DATA_BYTES = 16 * 1024;
const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9/_.-]{0,63}$/;

export type ClientActivityCheck =
  | { readonly ok: true; readonly activity: Partial<Activity>; readonly clientActivityId?: string }
  | { readonly ok: false; readonly message: string };

/**
 * Keeps only the fields a web chat client may set. The sender is always the user the token was
 * issued to, whatever the client claims, so nobody can speak as the bot or as another person.
 */
export function readClientActivity(body: unknown, userId: string, bot: ChannelAccount): ClientActivityCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: 'Send one activity as a JSON object.' };
  const input = body as Record<string, unknown>;
  if (typeof input.type !== 'string' || !TYPE_PATTERN.test(input.type)) return { ok: false, message: 'The activity needs a "type" such as "message".' };
  if (input.text !== undefined && input.text !== null && typeof input.text !== 'string') return { ok: false, message: '"text" must be a string.' };
  if (exceedsDepth(input)) return { ok: false, message: 'The activity is nested too deeply.' };

  const channelData = input.channelData;
  if (channelData !== undefined && (typeof channelData !== 'object' || channelData === null || JSON.stringify(channelData).length > MAX_CHANNEL_DATA_BYTES)) {
    return { ok: false, message: '"channelData" must be a small JSON object.' };
  }
  const from = (input.from ?? {}) as Record<string, unknown>;
  const activity: Partial<Activity> = {
    type: input.type,
    from: { id: userId, name: typeof from.name === 'string' ? from.name.slice(0, 100) : '', role: 'user' },
    recipient: bot,
  };
  if (typeof input.text === 'string') activity.text = input.text;
  if (typeof input.textFormat === 'string') activity.textFormat = input.textFormat;
  if (typeof input.locale === 'string' && input.locale.length <= 20) activity.locale = input.locale;
  if (typeof input.name === 'string' && input.name.length <= 100) activity.name = input.name;
  if (input.value !== undefined) activity.value = input.value;
  if (Array.isArray(input.attachments)) activity.attachments = input.attachments as Activity['attachments'];
  if (channelData !== undefined) activity.channelData = channelData;

  const clientActivityId = (channelData as Record<string, unknown> | undefined)?.clientActivityID;
  return { ok: true, activity, clientActivityId: typeof clientActivityId === 'string' ? clientActivityId.slice(0, 100) : undefined };
}
