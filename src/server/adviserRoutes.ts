import type { Request, Response, Server } from 'restify';
import type { ConsoleAccount } from '../accounts/consoleAccounts';
import type { ConsoleSessions } from '../accounts/consoleSessions';
import { CALLBACK_STATUSES, CallbackRequests, CallbackStatus } from '../handoff/callbackRequests';
import { CannedReply } from '../handoff/cannedReplies';
import { HandoffDesk, HandoffError } from '../handoff/handoffDesk';
import { Handoff, HandoffMessage } from '../handoff/handoffTypes';
import { describeError, Logger } from '../logger';
import { consoleGuard, requireConsoleRole } from './consoleAuth';

export const ADVISER_API = '/api/adviser';
/** How a live chat ended, for the helpline's records. */
export const OUTCOMES = ['Advice given', 'Referred to a solicitor', 'Callback arranged', 'Signposted to another service', 'Person left', 'Other'] as const;
const MAX_ADVISER_MESSAGE = 4000;
const HEARTBEAT_MS = 15000;

export interface AdviserRouteOptions {
  readonly desk: HandoffDesk;
  readonly callbacks: CallbackRequests;
  readonly sessions: ConsoleSessions;
  readonly cannedReplies: readonly CannedReply[];
  readonly isOpen: () => boolean;
  readonly log: Logger;
}

/** A hand-off as the console shows it. The person's words are data: the page renders them as text. */
export interface HandoffView {
  readonly id: string;
  readonly status: Handoff['status'];
  readonly topic: string | null;
  /** The topic in words, for the console ("Section 20"). */
  readonly topicTitle: string | null;
  readonly learned: Handoff['learned'];
  readonly transcript: Handoff['transcript'];
  readonly requestedAt: string;
  readonly acceptedAt: string | null;
  readonly adviserName: string | null;
  readonly mine: boolean;
  readonly endedAt: string | null;
  readonly endedBy: Handoff['endedBy'];
  readonly outcome: string | null;
  readonly stillThereAsked: boolean;
  /** The bot showed this person the urgent help numbers during the hand-off. */
  readonly urgentNumbersShown: boolean;
}

/**
 * The adviser console's API: the queue, accepting, live chat, ending with an outcome, callback
 * requests, and a server-sent event stream that pushes every change. A console that reconnects
 * reloads /state and each chat's messages after the last id it has, so nothing is missed or doubled.
 */
export function registerAdviserRoutes(server: Server, options: AdviserRouteOptions): void {
  const { desk, callbacks, sessions } = options;
  const adviserOnly = (handler: (req: Request, res: Response, account: ConsoleAccount) => unknown) =>
    requireConsoleRole(sessions, ['adviser'], async (req, res, account) => {
      try {
        await handler(req, res, account);
      } catch (error) {
        if (error instanceof HandoffError) return res.send(error.status, { error: { message: error.message } });
        options.log.error('adviser_request_failed', describeError(error));
        res.send(500, { error: { message: 'Something went wrong. Please try again.' } });
      }
    });

  server.get(`${ADVISER_API}/state`, adviserOnly(async (_req, res, account) => {
    const mine = (await desk.store.connected()).filter((h) => h.adviserId === account.id);
    const queue = await queueViews(desk, account);
    const chats = await Promise.all(mine.map(async (h) => ({ ...view(h, account), messages: await desk.store.messages(h.id) })));
    res.send(200, {
      me: { displayName: account.displayName, available: desk.advisers().find((a) => a.accountId === account.id)?.available ?? true },
      helplineOpen: options.isOpen(),
      queue,
      chats,
      cannedReplies: options.cannedReplies,
      outcomes: OUTCOMES,
    });
  }));

  server.get(`${ADVISER_API}/events`, async (req: Request, res: Response) => streamEvents(req, res, options));

  server.post(`${ADVISER_API}/availability`, adviserOnly((req, res, account) => {
    desk.setAvailable(account.id, bodyOf(req).available !== false);
    res.send(204);
  }));

  server.post(`${ADVISER_API}/handoffs/:id/accept`, adviserOnly(async (req, res, account) => {
    const handoff = await desk.accept(String(req.params.id), { accountId: account.id, displayName: account.displayName });
    res.send(200, { ...view(handoff, account), messages: await desk.store.messages(handoff.id) });
  }));

  server.get(`${ADVISER_API}/handoffs/:id/messages`, adviserOnly(async (req, res, account) => {
    const handoff = await desk.store.get(String(req.params.id));
    if (!handoff || handoff.adviserId !== account.id) return res.send(404, { error: { message: 'There is no such conversation.' } });
    const after = Number((req.query as Record<string, unknown> | undefined)?.after ?? 0);
    res.send(200, { messages: await desk.store.messages(handoff.id, Number.isSafeInteger(after) ? after : 0) });
  }));

  server.post(`${ADVISER_API}/handoffs/:id/messages`, adviserOnly(async (req, res, account) => {
    const text = bodyOf(req).text;
    if (typeof text !== 'string' || text.trim() === '') return res.send(400, { error: { message: 'Type a message first.' } });
    if (text.length > MAX_ADVISER_MESSAGE) return res.send(400, { error: { message: `Messages can be up to ${MAX_ADVISER_MESSAGE} characters.` } });
    res.send(201, await desk.fromAdviser(String(req.params.id), account.id, text.trim()));
  }));

  server.post(`${ADVISER_API}/handoffs/:id/typing`, adviserOnly(async (req, res, account) => {
    const handoff = await desk.store.get(String(req.params.id));
    if (handoff?.status === 'connected' && handoff.adviserId === account.id) desk.typing(handoff.id, 'adviser');
    res.send(204);
  }));

  server.post(`${ADVISER_API}/handoffs/:id/end`, adviserOnly(async (req, res, account) => {
    const outcome = bodyOf(req).outcome;
    if (typeof outcome !== 'string' || !(OUTCOMES as readonly string[]).includes(outcome)) {
      return res.send(400, { error: { message: `Choose an outcome: ${OUTCOMES.join(', ')}.` } });
    }
    const ended = await desk.endByAdviser(String(req.params.id), account.id, outcome);
    if (!ended) return res.send(404, { error: { message: 'There is no such conversation.' } });
    res.send(200, view(ended, account));
  }));

  server.get(`${ADVISER_API}/callbacks`, adviserOnly(async (req, res) => {
    const status = (req.query as Record<string, unknown> | undefined)?.status;
    const filter = CALLBACK_STATUSES.find((s) => s === status);
    res.send(200, { callbacks: await callbacks.list(filter) });
  }));

  server.get(`${ADVISER_API}/callbacks/:id/history`, adviserOnly(async (req, res) => {
    res.send(200, { history: await callbacks.history(String(req.params.id)) });
  }));

  server.post(`${ADVISER_API}/callbacks/:id/status`, adviserOnly(async (req, res, account) => {
    const status = bodyOf(req).status;
    if (!CALLBACK_STATUSES.includes(status as CallbackStatus)) {
      return res.send(400, { error: { message: `Status must be one of: ${CALLBACK_STATUSES.join(', ')}.` } });
    }
    const updated = await callbacks.setStatus(String(req.params.id), status as CallbackStatus, account.displayName, new Date());
    if (!updated) return res.send(404, { error: { message: 'There is no such callback request.' } });
    res.send(200, updated);
  }));
}

/**
 * Server-sent events for one console. Being connected is what makes an adviser "online": the
 * bot only offers live chat while at least one console is connected and available.
 */
async function streamEvents(req: Request, res: Response, options: AdviserRouteOptions): Promise<void> {
  const guard = consoleGuard(options.sessions, ['adviser']);
  const verdict = await guard(req);
  if (!verdict.ok) {
    res.header('cache-control', 'no-store');
    res.send(verdict.status, { error: { message: verdict.message } });
    return;
  }
  const account = verdict.account;
  const { desk } = options;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  let closed = false;
  // An event read from the database may finish after the console has gone.
  const send = (event: string, data: unknown) => !closed && res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const mineOrQueued = (handoff: Handoff) => handoff.adviserId === account.id || handoff.adviserId === null;
  // Events that need a database read are written one after another, in the order they happened,
  // so the console never sees a later message before an earlier one.
  let written = Promise.resolve();
  const inOrder = (work: () => Promise<void> | void) => {
    written = written.then(work).catch((error: unknown) => options.log.warn('adviser_event_failed', describeError(error)));
  };

  const listeners = {
    queueChanged: () => inOrder(async () => void send('queue', await queueViews(desk, account))),
    accepted: (h: Handoff) => inOrder(() => void send('handoff', view(h, account))),
    ended: (h: Handoff) =>
      inOrder(() => {
        if (mineOrQueued(h)) send('handoff', view(h, account));
      }),
    userMessage: (m: HandoffMessage) =>
      inOrder(async () => {
        const h = await desk.store.get(m.handoffId);
        if (h && mineOrQueued(h)) send('message', m);
      }),
    adviserMessage: (m: HandoffMessage, h: Handoff) =>
      inOrder(() => {
        if (h.adviserId === account.id) send('message', m);
      }),
    typing: (t: { handoffId: string; from: 'user' | 'adviser' }) =>
      inOrder(async () => {
        if (t.from === 'user' && (await desk.store.get(t.handoffId))?.adviserId === account.id) send('typing', t);
      }),
    stillThere: (h: Handoff) => inOrder(() => void send('handoff', view(h, account))),
    resync: () => inOrder(() => void send('resync', {})),
  };
  for (const [event, listener] of Object.entries(listeners)) desk.on(event as never, listener as never);
  const offline = desk.adviserConnected(account.id, account.displayName);
  send('ready', { at: new Date().toISOString() });

  await new Promise<void>((resolve) => {
    const heartbeat = setInterval(() => {
      // An open console is an adviser on duty, so the stream keeps the session alive (the 12-hour limit
      // still applies); a session ended elsewhere (sign-out, disabled account) stops the stream.
      void guard(req).then((still) => {
        if (still.ok) res.write(': still here\n\n');
        else {
          send('signedOut', {});
          res.end();
        }
      });
    }, HEARTBEAT_MS);
    const finish = () => {
      closed = true;
      clearInterval(heartbeat);
      for (const [event, listener] of Object.entries(listeners)) desk.off(event as never, listener as never);
      offline();
      resolve();
    };
    req.on('close', finish);
    res.on('close', finish);
  });
}

function view(handoff: Handoff, account: ConsoleAccount, urgentNumbersShown = false): HandoffView {
  return {
    id: handoff.id,
    status: handoff.status,
    topic: handoff.topic,
    topicTitle: handoff.topic ? topicInWords(handoff.topic) : null,
    learned: handoff.learned,
    transcript: handoff.transcript,
    requestedAt: handoff.requestedAt,
    acceptedAt: handoff.acceptedAt,
    adviserName: handoff.adviserName,
    mine: handoff.adviserId === account.id,
    endedAt: handoff.endedAt,
    endedBy: handoff.endedBy,
    outcome: handoff.outcome,
    stillThereAsked: handoff.stillThereAskedAt !== null,
    urgentNumbersShown,
  };
}

/** "child-protection-plan" → "Child protection plan"; "section-20" → "Section 20". */
function topicInWords(topic: string): string {
  const words = topic.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

async function queueViews(desk: HandoffDesk, account: ConsoleAccount): Promise<HandoffView[]> {
  const queue = await desk.store.queue();
  return Promise.all(queue.map(async (h) => view(h, account, (await desk.store.messages(h.id)).some((m) => m.sender === 'system'))));
}

function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}
