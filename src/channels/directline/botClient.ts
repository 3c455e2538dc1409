import { Activity } from 'botbuilder';

export type DeliveryResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'timeout' | 'rejected' | 'unreachable'; readonly status?: number };

/**
 * Delivers an activity to the bot's messaging endpoint over HTTP, as Azure Direct Line does, so
 * the web widget exercises the same path (CloudAdapter, middleware, auth) as every other channel.
 * The 15 s limit matches Direct Line's: after it the client is told to retry.
 */
export async function deliverToBot(endpoint: string, activity: Partial<Activity>, timeoutMs = 15000): Promise<DeliveryResult> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.ok ? { ok: true } : { ok: false, reason: 'rejected', status: response.status };
  } catch (error) {
    const name = (error as Error).name;
    return { ok: false, reason: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable' };
  }
}
