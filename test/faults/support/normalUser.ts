import WebSocket from 'ws';
import type { Session } from './catalogue';

/** One message from the normal user and how long its reply took, from sending it (null: no reply in time). */
export interface Exchange {
  readonly text: string;
  readonly ms: number | null;
  /** The first message of a new conversation (its reply also waits for the welcome). */
  readonly first?: boolean;
  readonly problem?: string;
}

const QUESTIONS = [
  'hello',
  'what is section 20?',
  'what happens at a child protection conference',
  'how do I complain about a social worker',
  'can children\'s services take my child without going to court',
  'help',
];

interface Conversation {
  readonly session: Session;
  readonly ws: WebSocket;
  /** replyToId → when the first reply to it arrived (performance.now()). */
  readonly replies: Map<string, number>;
  sent: number;
}

/**
 * Someone using the chat page as intended while the attack runs: a Direct Line token, a started
 * conversation, the WebSocket stream, and one question about every half second, each of which must
 * get the bot's reply. A new conversation is started every few messages, so the token and start
 * routes are exercised too.
 */
export class NormalUser {
  readonly exchanges: Exchange[] = [];
  /** How long each new conversation took to set up: token, start, stream open. */
  readonly setups: number[] = [];
  private current: Conversation | undefined;
  private stopped = false;
  private asked = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly options: { readonly everyMs: number; readonly messagesPerConversation: number; readonly replyTimeoutMs: number } = { everyMs: 500, messagesPerConversation: 8, replyTimeoutMs: 10000 },
  ) {}

  /** The conversation in use now: for the attacker, "someone else's conversation". */
  session(): Session | undefined {
    return this.current?.session;
  }

  /** Keeps chatting until stop() is called; resolves when the last exchange has finished. */
  async run(): Promise<void> {
    while (!this.stopped) {
      const started = performance.now();
      await this.exchangeOnce();
      const wait = this.options.everyMs - (performance.now() - started);
      if (wait > 0 && !this.stopped) await new Promise((r) => setTimeout(r, wait));
    }
    // terminate, not close: a close handshake keeps a 30-second timer if the bot is gone first.
    this.current?.ws.terminate();
  }

  stop(): void {
    this.stopped = true;
  }

  private async exchangeOnce(): Promise<void> {
    const text = QUESTIONS[this.asked % QUESTIONS.length];
    this.asked += 1;
    try {
      const conversation = await this.conversation();
      const first = conversation.sent === 0;
      conversation.sent += 1;
      const started = performance.now();
      const response = await fetch(`${this.baseUrl}/api/directline/conversations/${conversation.session.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${conversation.session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, from: { id: conversation.session.userId }, channelData: { clientActivityID: `normal-${this.asked}` } }),
        signal: AbortSignal.timeout(this.options.replyTimeoutMs),
      });
      const answer = (await response.json()) as { id?: string };
      if (response.status !== 200 || !answer.id) {
        this.exchanges.push({ text, ms: null, problem: `posting answered ${response.status}: ${JSON.stringify(answer).slice(0, 200)}` });
        return;
      }
      const arrived = await waitFor(() => conversation.replies.get(answer.id as string), performance.now() + this.options.replyTimeoutMs);
      this.exchanges.push(arrived === undefined ? { text, ms: null, first, problem: 'no reply on the stream' } : { text, ms: arrived - started, first });
    } catch (error) {
      this.exchanges.push({ text, ms: null, problem: `failed: ${(error as Error).message}` });
      this.current?.ws.terminate();
      this.current = undefined;
    }
  }

  private async conversation(): Promise<Conversation> {
    if (this.current && this.current.sent < this.options.messagesPerConversation && this.current.ws.readyState === WebSocket.OPEN) return this.current;
    this.current?.ws.terminate();
    this.current = undefined;
    const setupStarted = performance.now();
    const issued = await this.json('/api/directline/token', {}, 200);
    const started = await this.json('/api/directline/conversations', { authorization: `Bearer ${issued.token}` }, 201);
    const session: Session = { conversationId: String(issued.conversationId), userId: String(issued.userId), token: String(started.token) };
    const ws = new WebSocket(String(started.streamUrl));
    const replies = new Map<string, number>();
    ws.on('message', (data) => {
      const at = performance.now();
      const set = JSON.parse(String(data)) as { activities?: Array<{ replyToId?: string; from?: { id?: string } }> };
      for (const activity of set.activities ?? []) {
        if (activity.replyToId && activity.from?.id !== session.userId && !replies.has(activity.replyToId)) replies.set(activity.replyToId, at);
      }
    });
    ws.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    });
    this.current = { session, ws, replies, sent: 0 };
    this.setups.push(performance.now() - setupStarted);
    return this.current;
  }

  private async json(path: string, headers: Record<string, string>, expected: number): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, signal: AbortSignal.timeout(this.options.replyTimeoutMs) });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status !== expected) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
    return body;
  }
}

async function waitFor<T>(probe: () => T | undefined, deadline: number): Promise<T | undefined> {
  for (;;) {
    const value = probe();
    if (value !== undefined || performance.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** p-th percentile (0..100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
