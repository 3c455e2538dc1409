import { Agent, request } from 'node:http';
import { connect } from 'node:net';

/** What came back for one request. status 0 means the server closed (or we gave up) without an answer. */
export interface Outcome {
  readonly status: number;
  readonly ms: number;
  /** A socket error seen before any answer (ECONNRESET, EPIPE...). */
  readonly error?: string;
  /** The first couple of KB of the body, for error codes and failure reports. */
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface HttpShape {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

const KEEP = 2048;

/** Well-formed HTTP through Node's client, over a pool of kept-alive connections (as a browser would). */
export class HttpSender {
  /** Requests sent again because a kept-alive connection had just been closed by the server (counted, for the summary). */
  retries = 0;
  private readonly agent: Agent;

  constructor(private readonly port: number, maxSockets = 32) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  async send(shape: HttpShape, timeoutMs = 15000): Promise<Outcome> {
    const first = await this.attempt(shape, timeoutMs);
    if (!first.staleSocket) return first.outcome;
    // A request written to an idle kept-alive connection at the moment the server closed it never reached
    // the server; clients (browsers included) send it again on a new connection. Only that case is retried.
    this.retries += 1;
    return (await this.attempt(shape, timeoutMs)).outcome;
  }

  private attempt(shape: HttpShape, timeoutMs: number): Promise<{ outcome: Outcome; staleSocket: boolean }> {
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      let answered = false;
      const finish = (outcome: Omit<Outcome, 'ms'>, staleSocket = false) => {
        if (settled) return;
        settled = true;
        resolve({ outcome: { ...outcome, ms: performance.now() - started }, staleSocket });
      };
      // Node sends a GET, DELETE or OPTIONS body without Content-Length; the server would then read it as
      // the next request on the kept-alive connection and answer someone else's request with 400.
      const headers = shape.body === undefined ? shape.headers : { ...shape.headers, 'content-length': String(Buffer.byteLength(shape.body)) };
      const req = request(
        { agent: this.agent, host: '127.0.0.1', port: this.port, method: shape.method, path: shape.path, headers, timeout: timeoutMs },
        (res) => {
          answered = true;
          let body = '';
          res.on('data', (chunk: Buffer) => {
            if (body.length < KEEP) body += chunk.toString('utf8');
          });
          const headers = flatten(res.headers);
          res.on('end', () => finish({ status: res.statusCode ?? 0, body: body.slice(0, KEEP), headers }));
          // The answer arrived; the connection ending early afterwards is not a failure of the request.
          res.on('error', () => finish({ status: res.statusCode ?? 0, body: body.slice(0, KEEP), headers }));
          res.on('aborted', () => finish({ status: res.statusCode ?? 0, body: body.slice(0, KEEP), headers }));
        },
      );
      req.on('timeout', () => {
        req.destroy();
        finish({ status: 0, error: 'TIMEOUT', body: '', headers: {} });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        const stale = !answered && req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        finish({ status: 0, error: error.code ?? error.message, body: '', headers: {} }, stale);
      });
      req.end(shape.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Bytes sent over a fresh socket, exactly as given: for HTTP that Node's own client refuses to write. */
export interface RawPlan {
  /** Written one after another; writing stops as soon as an answer starts. */
  readonly parts: ReadonlyArray<string | Buffer>;
  /** Pause after the first part (the head) so a server that answers on headers alone does so first. */
  readonly pauseAfterHeadMs?: number;
  /** Hang up this long after the last part, answered or not: a client that goes away mid-request. */
  readonly hangUpAfterMs?: number;
  /** After a 101 answer, these frames are sent and the socket is left to the server to close. */
  readonly afterUpgrade?: ReadonlyArray<Buffer>;
  /** After a 200 that streams (server-sent events), hang up once the headers arrive. */
  readonly streaming?: boolean;
}

export function sendRaw(port: number, plan: RawPlan, timeoutMs = 15000): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const timers = new Set<NodeJS.Timeout>();
    let received = Buffer.alloc(0);
    let error: string | undefined;
    let settled = false;
    let upgraded = false;
    const parsed = () => parseResponse(received);
    const finish = () => {
      if (settled) return;
      settled = true;
      // Every pending wait goes too: a timer left behind keeps jest from exiting.
      for (const timer of timers) clearTimeout(timer);
      socket.destroy();
      const answer = parsed();
      resolve({ status: answer.status, ms: performance.now() - started, error: answer.status === 0 ? error : undefined, body: answer.body, headers: answer.headers });
    };
    const later = (ms: number, then: () => void) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        then();
      }, ms);
      timers.add(timer);
    };
    const wait = (ms: number) => new Promise<void>((r) => later(ms, r));

    later(timeoutMs, () => {
      if (parsed().status === 0) error ??= 'TIMEOUT';
      finish();
    });
    socket.on('close', finish);
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
    });
    socket.on('data', (chunk: Buffer) => {
      if (received.length < 64 * 1024) received = Buffer.concat([received, chunk]);
      const now = parsed();
      if (now.status === 0) return;
      if (now.status === 101 && !upgraded) {
        upgraded = true;
        void (async () => {
          for (const frame of plan.afterUpgrade ?? []) {
            if (settled) return;
            socket.write(frame);
            await wait(5);
          }
          // The server is expected to close a stream that misbehaves; give it a moment, then hang up.
          later(300, finish);
        })();
        return;
      }
      if (plan.streaming && now.status === 200) later(20, finish);
      else if (now.complete) finish();
    });
    socket.once('connect', () => {
      void (async () => {
        for (const [index, part] of plan.parts.entries()) {
          if (settled || parsed().status !== 0) break;
          await new Promise<void>((r) => (socket.write(part) ? r() : socket.once('drain', () => r())));
          if (index === 0 && plan.pauseAfterHeadMs) await wait(plan.pauseAfterHeadMs);
        }
        if (plan.hangUpAfterMs !== undefined && !settled) {
          await wait(plan.hangUpAfterMs);
          finish();
        }
      })().catch(() => undefined);
    });
  });
}

interface ParsedResponse {
  readonly status: number;
  readonly complete: boolean;
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** The first final (non-1xx, except 101) answer in the bytes received so far. */
function parseResponse(bytes: Buffer): ParsedResponse {
  let text = bytes.toString('latin1');
  for (;;) {
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) return { status: 0, complete: false, body: '', headers: {} };
    const head = text.slice(0, end);
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
    if (status >= 100 && status < 200 && status !== 101) {
      text = text.slice(end + 4);
      continue;
    }
    const headers: Record<string, string> = {};
    for (const line of head.split('\r\n').slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const body = text.slice(end + 4);
    const length = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
    const complete = length !== undefined ? Buffer.byteLength(body, 'latin1') >= length : headers['transfer-encoding'] === 'chunked' ? body.endsWith('0\r\n\r\n') : false;
    return { status, complete, body: Buffer.from(body, 'latin1').toString('utf8').slice(0, KEEP), headers };
  }
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}


/** Runs `worker` over items pulled from `next` (until it returns undefined), at most `limit` at a time. */
export async function runPool<T>(next: () => T | undefined, limit: number, worker: (item: T) => Promise<void>): Promise<void> {
  const lanes = Array.from({ length: limit }, async () => {
    for (let item = next(); item !== undefined; item = next()) await worker(item);
  });
  await Promise.all(lanes);
}
