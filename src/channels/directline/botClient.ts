import http from 'node:http';
import https from 'node:https';
import { Activity, DeliveryModes } from 'botbuilder';

export type DeliveryResult =
  | { readonly ok: true; readonly replies: readonly Partial<Activity>[] }
  | { readonly ok: false; readonly reason: 'timeout' | 'rejected' | 'unreachable'; readonly status?: number };

/**
 * Turns delivered to the bot at once. Beyond this they wait their turn in the agent's queue rather
 * than opening another connection: the bot is this same process, it can only work on one turn at a
 * time anyway, and a Node server accepts one new connection per event-loop iteration, so under load
 * a burst of new connections to itself waited seconds to be accepted (the slowest 1% of turns).
 */
const MAX_CONNECTIONS = 32;
const transports = {
  http: { module: http, agent: new http.Agent({ keepAlive: true, maxSockets: MAX_CONNECTIONS }) },
  https: { module: https, agent: new https.Agent({ keepAlive: true, maxSockets: MAX_CONNECTIONS }) },
};

/**
 * Delivers an activity to the bot's messaging endpoint over HTTP, as Azure Direct Line does, so
 * the web widget exercises the same path (CloudAdapter, middleware, auth) as every other channel.
 * It asks for the turn's replies in the response (delivery mode "expectReplies") rather than one
 * callback per reply: the bot sends its replies at the end of the turn anyway (replyOutbox.ts), and
 * a loopback HTTP request per reply was a large part of a turn's cost. Messages sent outside a turn
 * (an adviser's) still come through the connector routes. The 15 s limit, waiting for a connection
 * included, matches Direct Line's: after it the client is told to retry.
 */
export function deliverToBot(endpoint: string, activity: Partial<Activity>, timeoutMs = 15000): Promise<DeliveryResult> {
  const payload = Buffer.from(JSON.stringify({ ...activity, deliveryMode: DeliveryModes.ExpectReplies }));
  const deadline = Date.now() + timeoutMs;
  return post(endpoint, payload, deadline, true);
}

function post(endpoint: string, payload: Buffer, deadline: number, mayRetry: boolean): Promise<DeliveryResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      resolve({ ok: false, reason: 'unreachable' });
      return;
    }
    const transport = url.protocol === 'https:' ? transports.https : transports.http;
    const request = transport.module.request(url, {
      method: 'POST',
      agent: transport.agent,
      headers: { 'content-type': 'application/json', 'content-length': payload.length },
    });
    let timedOut = false;
    let answered = false;
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy();
    }, Math.max(0, deadline - Date.now()));
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', () => undefined);
      response.on('close', () => {
        clearTimeout(timer);
        const status = response.statusCode ?? 0;
        if (!response.complete) resolve({ ok: false, reason: timedOut ? 'timeout' : 'unreachable' });
        else if (status < 200 || status > 299) resolve({ ok: false, reason: 'rejected', status });
        else resolve({ ok: true, replies: repliesIn(Buffer.concat(chunks).toString('utf8')) });
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // A kept-alive connection the server had just closed: the bot never read this, so send it once more.
      if (!timedOut && !answered && mayRetry && request.reusedSocket && error.code === 'ECONNRESET') resolve(post(endpoint, payload, deadline, false));
      else resolve({ ok: false, reason: timedOut ? 'timeout' : 'unreachable' });
    });
    request.end(payload);
  });
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
