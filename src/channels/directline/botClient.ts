import { Activity, DeliveryModes } from 'botbuilder';

export type DeliveryResult =
  | { readonly ok: true; readonly replies: readonly Partial<Activity>[] }
  | { readonly ok: false; readonly reason: 'timeout' | 'rejected' | 'unreachable'; readonly status?: number };

/**
 * Delivers an activity to the bot's messaging endpoint over HTTP, as Azure Direct Line does, so
 * the web widget exercises the same path (CloudAdapter, middleware, auth) as every other channel.
 * It asks for the turn's replies in the response (delivery mode "expectReplies") rather than one
 * callback per reply: the bot sends its replies at the end of the turn anyway (replyOutbox.ts), and
 * a loopback HTTP request per reply was a large part of a turn's cost. Messages sent outside a turn
 * (an adviser's) still come through the connector routes. The 15 s limit matches Direct Line's:
 * after it the client is told to retry.
 */
export async function deliverToBot(endpoint: string, activity: Partial<Activity>, timeoutMs = 15000): Promise<DeliveryResult> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, deliveryMode: DeliveryModes.ExpectReplies }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    if (!response.ok) return { ok: false, reason: 'rejected', status: response.status };
    return { ok: true, replies: repliesIn(body) };
  } catch (error) {
    const name = (error as Error).name;
    return { ok: false, reason: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable' };
  }
}

/** The `activities` of an ExpectedReplies body; none for an empty or unexpected body. */
function repliesIn(body: string): Partial<Activity>[] {
  if (!body) return [];
  try {
    const activities = (JSON.parse(body) as { activities?: unknown } | null)?.activities;
    return Array.isArray(activities) ? activities.filter((a): a is Partial<Activity> => typeof a === 'object' && a !== null && typeof (a as { type?: unknown }).type === 'string') : [];
  } catch {
    return [];
  }
}
