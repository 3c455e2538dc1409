/**
 * Issue 7, faults: the bot process is killed with SIGKILL while 30 people are chatting through the
 * built-in Direct Line gateway, and started again on the same port. Every conversation must carry on
 * where it was, with no reply lost and no message answered twice.
 *
 * What the product can promise, and what this test holds it to (read with directLineGateway.ts,
 * conversationHub.ts, retryFilter.ts and adviceBot.ts):
 *
 * - A POST of a message is answered 200 only after the whole turn has run: the gateway delivers the
 *   activity to /api/messages and waits for it; the bot saves conversation state and returns the
 *   turn's replies in its response (expectReplies), which the gateway puts in the transcript before
 *   answering. So a message the gateway acknowledged has been answered and its effect is stored; a
 *   kill after the 200 cannot undo it.
 * - The gateway's transcript (ConversationHub) is in memory only, so a restart forgets it. A client
 *   that was on the WebSocket stream already has every reply sent before the kill (they are pushed
 *   as they are sent); after the restart it re-opens the stream with its watermark and gets what comes
 *   next. (A client that only polls and had not fetched replies before the kill cannot get them back.)
 * - A POST that failed because the process died must be sent again by the client with the same
 *   clientActivityID (Web Chat does this on retry). The new process has forgotten that id, so the
 *   bot itself must recognise the resend: a message whose turn was saved before the kill is not
 *   answered (or applied) again, and one whose turn was not saved is answered now. (retryFilter.ts
 *   remembers the clientActivityID for this. Before it did, such a resend reached the bot under a new
 *   activity id and was applied a second time: taken as the answer to the next question.)
 * - A turn killed after some of its replies went out but before it saved state would, re-run from
 *   the resend, show those replies twice. So replies are held back until the turn's state is saved,
 *   and saved with it (replyOutbox.ts): killed before the save, nothing went out and the resend is
 *   answered once; killed after it, the resend is recognised and the saved replies are sent again
 *   under the ids they had the first time (counted as "answered before the kill" when the client
 *   had not seen them yet). The restarted gateway has forgotten its transcript, so a
 *   client that already had some of them gets them again on its new stream, with the same id and
 *   text: Web Chat keys activities by id and shows one. The test counts these ("replaced") and fails
 *   on any other repeat: a repeat on the same stream, or the same id with a different text.
 *
 * Each reply is checked against the same script run with no faults, so a conversation that lost its
 * place, or had a message applied twice, answers the wrong question and fails. After the run the saved
 * state is read straight from the store: the bot's own log of the conversation holds each message once.
 * The SQLite default runs always; the PostgreSQL case needs DATABASE_URL (and must run under CI).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { BotProcess, freePort, useBotProcesses } from '../support/botProcess';
import { databaseUrl, TestSchema } from '../storage/postgresTestDatabase';
import { CRASH_SIGNS, SCRIPTS, ScriptName, sleep } from './support/faultScripts';


const CONVERSATIONS = 30;
/** Turns completed (all conversations together) before the kill, so it lands in steady load. */
const TURNS_BEFORE_KILL = 150;
/** Each conversation must complete this many turns on the new process: more than a full script. */
const TURNS_AFTER_RESTART = 7;
const say = (text: string) => process.stdout.write(`${text}\n`);

interface WireActivity {
  id: string;
  type: string;
  text?: string;
  replyToId?: string;
  attachments?: unknown[];
  from?: { id?: string };
}

/** A bot message as the client saw it on the stream. */
interface Seen {
  readonly id: string;
  readonly replyToId?: string;
  readonly text: string;
  /** The step the client was on when it arrived. */
  readonly step: number;
  /** Which stream it came on: 0 is the first one (the process that was killed), 1 and on are after the restart. */
  readonly stream: number;
}

interface Attempt {
  readonly status: number;
  readonly error?: string;
}

interface Step {
  readonly index: number;
  readonly text: string;
  readonly clientActivityId: string;
  readonly attempts: Attempt[];
  /** The gateway's id for the message, from the POST that was answered 200. */
  id?: string;
  /** The stream open when that 200 came (0: before the kill). */
  stream?: number;
}

function shown(activity: WireActivity): string {
  if (activity.text) return activity.text;
  return activity.attachments?.length ? `[${activity.attachments.length} attachment(s)]` : '[no text]';
}

/**
 * One person on the chat page: a Direct Line token and conversation, the WebSocket stream, and one
 * message at a time, each sent when the replies to the one before have arrived. When the bot goes
 * away it re-opens the stream as Web Chat does (keeping its token and conversation) and sends the
 * message that failed again, with the same clientActivityID.
 */
class Chat {
  readonly seen: Seen[] = [];
  readonly steps: Step[] = [];
  /** Activities one stream delivered twice (by id), or an id delivered again with a different text. */
  repeatedOnStream = 0;
  /** Replies sent again under their first id on a later stream (after the restart): shown once by id. */
  replaced = 0;
  reconnects = 0;
  private readonly seenById = new Map<string, Seen>();
  conversationId = '';
  private userId = '';
  private token = '';
  private watermark = '';
  private ws: WebSocket | undefined;
  private step = -1;
  /** Streams opened so far; each is numbered from 0 in the order opened. */
  private streams = 0;
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly baseUrl: string,
    readonly name: string,
    readonly script: ScriptName,
    /** What the reply to each step of the script should be (from a run with no faults). */
    private readonly expected: ReadonlyArray<readonly string[]>,
    /** On reconnect: re-start the conversation (POST) rather than rejoin it (GET). */
    private readonly restartByPost: boolean,
  ) {}

  get done(): number {
    return this.steps.filter((step) => step.id !== undefined).length;
  }

  /** Messages answered 200 since the stream was first re-opened (after the restart). */
  doneAfterRestart(): number {
    return this.steps.filter((step) => step.id !== undefined && (step.stream ?? 0) >= 1).length;
  }

  /** Bot messages that answer no message of the person (the welcome). */
  unprompted(): string[] {
    return this.seen.filter((seen) => seen.replyToId === undefined).map((seen) => seen.text);
  }

  async open(): Promise<void> {
    const issued = await this.json('/api/directline/token', {}, 200);
    this.userId = String(issued.userId);
    this.conversationId = String(issued.conversationId);
    const started = await this.json('/api/directline/conversations', this.auth(String(issued.token)), 201);
    this.token = String(started.token);
    await this.connect(String(started.streamUrl));
  }

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    try {
      await this.running;
    } finally {
      this.ws?.terminate();
    }
  }

  private async loop(): Promise<void> {
    for (let index = 0; !this.stopped; index += 1) await this.send(index);
  }

  private async send(index: number): Promise<void> {
    const script = SCRIPTS[this.script];
    const step: Step = { index, text: script[index % script.length], clientActivityId: `${this.name}-${index}`, attempts: [] };
    this.steps.push(step);
    this.step = index;
    for (;;) {
      let status = 0;
      let error: string | undefined;
      try {
        const response = await fetch(`${this.baseUrl}/api/directline/conversations/${this.conversationId}/activities`, {
          method: 'POST',
          headers: { ...this.auth(this.token), 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: step.text, from: { id: this.userId }, channelData: { clientActivityID: step.clientActivityId } }),
          signal: AbortSignal.timeout(20_000),
        });
        status = response.status;
        const body = (await response.json().catch(() => ({}))) as { id?: string };
        if (status === 200 && body.id) step.id = body.id;
      } catch (caught) {
        const cause = (caught as { cause?: { code?: string } }).cause;
        error = cause?.code ?? (caught as Error).message;
      }
      step.attempts.push({ status, error });
      if (step.id !== undefined) {
        step.stream = this.streams - 1;
        break;
      }
      // Left unfinished (and not judged) when the test is over.
      if (this.stopped) return;
      // The bot is gone (or said to send again): rejoin as the page would, then send the same message.
      await this.reconnect();
    }
    // The replies were pushed on the stream before the POST was answered; give them a moment to land.
    // A resend the bot recognised as already answered gets no new replies, so it is not waited for long.
    const want = Math.max(1, this.expected[index % this.expected.length].length);
    const id = step.id;
    await until(() => this.seen.filter((seen) => seen.replyToId === id).length >= want, step.attempts.length > 1 ? 1500 : 10_000);
  }

  /** Waits for the bot to answer again, then re-opens the stream from the last watermark. */
  private async reconnect(): Promise<void> {
    this.reconnects += 1;
    this.ws?.terminate();
    this.ws = undefined;
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const response = this.restartByPost
          ? await fetch(`${this.baseUrl}/api/directline/conversations`, { method: 'POST', headers: this.auth(this.token), signal: AbortSignal.timeout(2000) })
          : await fetch(`${this.baseUrl}/api/directline/conversations/${this.conversationId}?watermark=${this.watermark}`, {
              headers: this.auth(this.token),
              signal: AbortSignal.timeout(2000),
            });
        if (response.status === 200 || response.status === 201) {
          const body = (await response.json()) as { token: string; streamUrl: string };
          this.token = body.token;
          await this.connect(body.streamUrl);
          return;
        }
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline || this.stopped) throw new Error(`${this.name}: the bot did not come back within 30 s`);
      await sleep(100);
    }
  }

  private async connect(streamUrl: string): Promise<void> {
    const ws = new WebSocket(streamUrl);
    const stream = this.streams;
    this.streams += 1;
    ws.on('message', (data) => {
      const set = JSON.parse(String(data)) as { activities?: WireActivity[]; watermark?: string };
      if (set.watermark) this.watermark = set.watermark;
      for (const activity of set.activities ?? []) this.receive(activity, stream);
    });
    ws.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    });
    this.ws = ws;
  }

  private receive(activity: WireActivity, stream: number): void {
    if (activity.type !== 'message' || activity.from?.id === this.userId) return;
    const seen: Seen = { id: activity.id, replyToId: activity.replyToId, text: shown(activity), step: this.step, stream };
    const first = this.seenById.get(activity.id);
    if (first) {
      if (first.stream < stream && first.text === seen.text) this.replaced += 1;
      else this.repeatedOnStream += 1;
      return;
    }
    this.seenById.set(activity.id, seen);
    this.seen.push(seen);
  }

  private auth(token: string): Record<string, string> {
    return { authorization: `Bearer ${token}` };
  }

  private async json(path: string, headers: Record<string, string>, expected: number): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, signal: AbortSignal.timeout(10_000) });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status !== expected) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
    return body;
  }
}

async function until(probe: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

/** How one message of one conversation turned out. */
type Outcome =
  /** Answered exactly once. */
  | 'once'
  /** Its POST failed at the kill, the turn had been saved, and the bot recognised the resend: answered once, before the kill. */
  | 'answered before the kill, resend recognised'
  /** Its POST failed at the kill before the turn was saved; the resend was answered once. */
  | 'resent, answered once';

interface Verdict {
  readonly outcomes: Outcome[];
  readonly problems: string[];
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((text, i) => text === b[i]);

/**
 * Checks one conversation against the fault-free replies: every message answered with exactly the
 * replies it should have at that point of the script (so the state carried on where it was), once.
 */
function judge(chat: Chat, expected: ReadonlyArray<readonly string[]>, welcome: readonly string[]): Verdict {
  const problems: string[] = [];
  const outcomes: Outcome[] = [];
  const stepOfId = new Map(chat.steps.filter((step) => step.id).map((step) => [step.id as string, step.index]));
  const byStep = new Map<number, Seen[]>();
  for (const seen of chat.seen) {
    if (seen.replyToId === undefined) continue;
    // A reply to an id the client never got back answers the message whose POST failed at the kill.
    const step = stepOfId.get(seen.replyToId) ?? seen.step;
    byStep.set(step, [...(byStep.get(step) ?? []), seen]);
  }
  if (!same(chat.unprompted(), welcome)) problems.push(`welcome: expected it once, got ${JSON.stringify(chat.unprompted())}`);
  if (chat.repeatedOnStream > 0) problems.push(`${chat.name}: ${chat.repeatedOnStream} activities delivered twice on one stream, or again with a different text`);

  // The last step may have been cut short by stop(); judge only the finished ones.
  for (const step of chat.steps.filter((s) => s.id !== undefined)) {
    const want = expected[step.index % expected.length];
    const replies = byStep.get(step.index) ?? [];
    byStep.delete(step.index);
    const answer = replies.filter((seen) => seen.replyToId === step.id).map((seen) => seen.text);
    const earlier = replies.filter((seen) => seen.replyToId !== step.id);
    const earlierIds = new Set(earlier.map((seen) => seen.replyToId));
    const earlierTexts = earlier.map((seen) => seen.text);
    const where = `${chat.name} message ${step.index} ("${step.text}", ${step.attempts.length} attempt(s))`;

    if (step.attempts.length === 1) {
      if (earlier.length > 0 || !same(answer, want)) problems.push(`${where}: expected ${JSON.stringify(want)}, got ${JSON.stringify(replies.map((s) => s.text))}`);
      else outcomes.push('once');
      continue;
    }
    if (earlierIds.size > 1) {
      problems.push(`${where}: answered by ${earlierIds.size} earlier attempts: ${JSON.stringify(earlierTexts)}`);
      continue;
    }
    if (answer.length === 0) {
      if (same(earlierTexts, want)) outcomes.push('answered before the kill, resend recognised');
      else problems.push(`${where}: lost: expected ${JSON.stringify(want)}, got ${JSON.stringify(earlierTexts)} before the kill and nothing after`);
      continue;
    }
    if (!same(answer, want)) {
      problems.push(`${where}: the resend got ${JSON.stringify(answer)} (before the kill: ${JSON.stringify(earlierTexts)}), expected ${JSON.stringify(want)}`);
      continue;
    }
    if (earlier.length === 0) outcomes.push('resent, answered once');
    else problems.push(`${where}: answered twice: ${JSON.stringify(earlierTexts)} and then ${JSON.stringify(answer)}`);
  }
  for (const [step, replies] of byStep) {
    const finished = chat.steps.find((s) => s.index === step)?.id !== undefined;
    if (finished) problems.push(`${chat.name}: replies to no message: ${JSON.stringify(replies.map((s) => s.text))}`);
  }
  const repeated = outcomes.filter((o) => o === 'answered before the kill, resend recognised').length;
  if (repeated > 1) problems.push(`${chat.name}: ${repeated} messages were in flight at the kill; only one can be`);
  return { outcomes, problems };
}

/**
 * The replies each step of a script gets with no faults: one conversation, two rounds of the
 * script, which must agree (so the script really comes back to where it started).
 */
async function recordExpected(baseUrl: string, script: ScriptName): Promise<{ replies: string[][]; welcome: string[] }> {
  const steps = SCRIPTS[script].length;
  const chat = new Chat(baseUrl, `expected-${script}`, script, Array.from({ length: steps }, () => [] as string[]), false);
  try {
    await chat.open();
    chat.start();
    if (!(await until(() => chat.done >= 2 * steps, 20_000))) throw new Error(`the fault-free ${script} run did not finish`);
  } finally {
    await chat.stop();
  }
  // Each POST answered 200 after its turn; the last replies may still be on their way.
  await sleep(300);
  const replies = chat.steps.slice(0, 2 * steps).map((step) => chat.seen.filter((seen) => seen.replyToId === step.id).map((seen) => seen.text));
  for (let i = 0; i < steps; i += 1) {
    if (replies[i].length === 0) throw new Error(`${script} step ${i} ("${SCRIPTS[script][i]}") got no reply`);
    if (!same(replies[i], replies[i + steps])) {
      throw new Error(`${script} step ${i} is answered differently the second time round: ${JSON.stringify(replies[i])} then ${JSON.stringify(replies[i + steps])}`);
    }
  }
  return { replies: replies.slice(0, steps), welcome: chat.unprompted() };
}

/** What the bot saved for one conversation: the fields this test reads. */
interface StoredConversation {
  readonly recentConversation?: ReadonlyArray<{ from: string; text: string }>;
  readonly handledActivityIds?: readonly string[];
}

/** Reads a conversation's saved state (after the bot has stopped). */
type ReadState = (conversationId: string) => Promise<StoredConversation | undefined>;

const PLACEHOLDER = /^\[(\d+ attachment\(s\)|no text)\]$/;

/**
 * Checks what the bot saved against what the client saw: the conversation log the bot keeps (since
 * the last "start over", which clears it) holds each of the person's messages once, with the replies
 * it should have had; and the retry filter remembered each message once.
 */
function judgeStored(chat: Chat, expected: ReadonlyArray<readonly string[]>, stored: StoredConversation | undefined): string[] {
  if (!stored) return [`${chat.name}: no saved state`];
  const problems: string[] = [];
  const finished = chat.steps.filter((step) => step.id !== undefined);
  const lastStartOver = finished.map((step) => step.text).lastIndexOf('start over');
  const bot = (index: number) => expected[index % expected.length].filter((text) => !PLACEHOLDER.test(text)).map((text) => `bot: ${text}`);
  const want = lastStartOver < 0 ? [] : [...bot(finished[lastStartOver].index), ...finished.slice(lastStartOver + 1).flatMap((step) => [`user: ${step.text}`, ...bot(step.index)])];
  const got = (stored.recentConversation ?? []).map((line) => `${line.from}: ${line.text}`);
  if (lastStartOver < 0 || !same(got, want)) problems.push(`${chat.name}: saved conversation log ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  const handled = stored.handledActivityIds ?? [];
  const twice = finished.filter((step) => handled.filter((id) => id === `client:${step.clientActivityId}`).length > 1);
  if (twice.length > 0) problems.push(`${chat.name}: messages taken in twice: ${twice.map((step) => step.index).join(', ')}`);
  return problems;
}

async function killAndRestartUnderLoad(start: (port: number) => Promise<BotProcess>, readState: ReadState, label: string): Promise<void> {
  const port = await freePort();
  const began = Date.now();
  const first = await start(port);
  const expected = { guided: await recordExpected(first.url, 'guided'), misunderstood: await recordExpected(first.url, 'misunderstood') };
  const welcome = expected.guided.welcome;
  expect(welcome.length).toBeGreaterThan(0);
  expect(expected.misunderstood.welcome).toEqual(welcome);

  const chats = Array.from({ length: CONVERSATIONS }, (_, i) => {
    const script: ScriptName = i % 2 === 0 ? 'guided' : 'misunderstood';
    return new Chat(first.url, `c${i}`, script, expected[script].replies, i % 4 >= 2);
  });
  const total = () => chats.reduce((n, chat) => n + chat.done, 0);
  let turnsBeforeKill = 0;
  let restartMs = 0;
  let second: BotProcess;
  try {
    await Promise.all(chats.map((chat) => chat.open()));
    // Everyone has been welcomed before the load starts.
    expect(await until(() => chats.every((chat) => chat.unprompted().length >= welcome.length), 15_000)).toBe(true);
    for (const chat of chats) chat.start();

    expect(await until(() => total() >= TURNS_BEFORE_KILL, 30_000)).toBe(true);
    turnsBeforeKill = total();
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const killedAt = Date.now();
    second = await start(port);
    restartMs = Date.now() - killedAt;

    expect(await until(() => chats.every((chat) => chat.doneAfterRestart() >= TURNS_AFTER_RESTART), 60_000)).toBe(true);
  } finally {
    // Whatever happened, no chat is left running (jest would not exit).
    await Promise.allSettled(chats.map((chat) => chat.stop()));
  }

  // Still running after all that, and it stops cleanly; then what it saved can be read.
  expect(second.child.exitCode).toBeNull();
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe('0');

  const counts = new Map<Outcome, number>();
  const problems: string[] = [];
  for (const chat of chats) {
    const verdict = judge(chat, expected[chat.script].replies, welcome);
    problems.push(...verdict.problems);
    for (const outcome of verdict.outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    problems.push(...judgeStored(chat, expected[chat.script].replies, await readState(chat.conversationId)));
  }
  // Conversations whose POST failed at the kill or while the bot was down, and so had to send again.
  const inFlight = chats.filter((chat) => chat.steps.some((step) => step.attempts.length > 1)).length;
  say(
    [
      `\nkill -9 under load (${label}): ${CONVERSATIONS} conversations, ${turnsBeforeKill} turns before the kill, ` +
        `${total() - turnsBeforeKill} after; back in ${restartMs} ms; ${Math.round((Date.now() - began) / 100) / 10} s in all`,
      `  conversations that had to send a message again (its POST failed at the kill or while the bot was down): ${inFlight}`,
      ...[...counts].map(([outcome, n]) => `  ${String(n).padStart(5)}  ${outcome}`),
      `  ${String(chats.reduce((n, chat) => n + chat.replaced, 0)).padStart(5)}  replies sent again from the outbox after the restart, under their first ids (shown once)`,
      `  problems: ${problems.length}`,
      ...problems.slice(0, 20).map((problem) => `    ${problem}`),
    ].join('\n'),
  );
  expect(problems).toEqual([]);
  // The kill really landed mid-load: most conversations had a message on its way.
  expect(inFlight).toBeGreaterThanOrEqual(CONVERSATIONS / 2);
  expect(first.output()).not.toMatch(CRASH_SIGNS);
  expect(second.output()).not.toMatch(CRASH_SIGNS);
}

const stateKey = (conversationId: string) => `directline/conversations/${conversationId}/`;

describe('kill -9 of the bot process under load, then a restart on the same port', () => {
  const bots = useBotProcesses('advice-bot-kill-');

  it('on the SQLite default: every conversation carries on where it was, no reply lost or sent twice', async () => {
    const readState: ReadState = async (conversationId) => {
      const db = new Database(join(bots.dataDir(), 'bot.sqlite'), { readonly: true });
      try {
        const row = db.prepare('SELECT value FROM bot_state WHERE key = ?').get(stateKey(conversationId)) as { value: string } | undefined;
        return row ? (JSON.parse(row.value) as StoredConversation) : undefined;
      } finally {
        db.close();
      }
    };
    await killAndRestartUnderLoad((port) => bots.start(port), readState, 'SQLite');
  });

  const onPostgres = databaseUrl || process.env.CI ? it : it.skip;
  onPostgres('on PostgreSQL (DATABASE_URL): the same', async () => {
    if (!databaseUrl) throw new Error('CI is set but DATABASE_URL is not: the PostgreSQL case cannot run.');
    const schema = await new TestSchema().create();
    try {
      const url = new URL(databaseUrl);
      url.searchParams.set('options', `-c search_path=${schema.name}`);
      const readState: ReadState = async (conversationId) => {
        const rows = await schema.query<{ value: string }>('SELECT value FROM bot_state WHERE key = $1', [stateKey(conversationId)]);
        return rows[0] ? (JSON.parse(rows[0].value) as StoredConversation) : undefined;
      };
      await killAndRestartUnderLoad((port) => bots.start(port, { DATABASE_URL: url.toString() }), readState, 'PostgreSQL');
      // The state really is in PostgreSQL: one row per conversation (plus the two fault-free runs).
      const rows = await schema.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM bot_state WHERE key LIKE 'directline/conversations/%'");
      expect(rows[0].n).toBeGreaterThanOrEqual(CONVERSATIONS);
    } finally {
      await schema.drop();
    }
  });
});
