import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import restify, { Request, Response, Server } from 'restify';
import { ActivityHandler, CloudAdapter } from 'botbuilder';
import { DirectLineStream } from '../channels/directline/directLineStream';
import { Logger, describeError } from '../logger';
import { validateIncomingActivity } from './activityValidation';
import { frameworkLog } from './frameworkLog';
import { checkRequest, MAX_BODY_BYTES, sendVerdict } from './requestGuard';

export interface BotServerParts {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly log: Logger;
  /** Local mode: no Bot Framework auth, so replies may only go to loopback service URLs. */
  readonly localMode: boolean;
  /** Resolves when storage answers; /readyz reports it. */
  readonly checkStorage: () => Promise<void>;
  /** Adds the web page, token and Direct Line routes (they need the server, the server does not need them). */
  readonly addRoutes: (server: Server) => void;
  readonly stream?: DirectLineStream;
  /** How long shutdown waits for turns still running. */
  readonly drainTimeoutMs?: number;
}

export interface BotServer {
  readonly server: Server;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops taking requests, lets running turns finish (up to the drain timeout), closes streams. */
  close(): Promise<void>;
}

const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 20_000;

export function createBotServer(parts: BotServerParts): BotServer {
  const server = restify.createServer({ name: 'family-advice-bot', handleUpgrades: false, log: frameworkLog(parts.log) as never });
  guardHttpServer(server.server);
  // A client that starts a request and never finishes it must not hold a connection for Node's
  // default five minutes. Long-lived streams (events, WebSocket) are unaffected: their requests are complete.
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = checkRequest(req);
    const handled = verdict.ok && parts.stream?.handleUpgrade(req, socket, head);
    // restify would otherwise leave an unknown upgrade socket open and unanswered.
    if (!handled) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  server.use(restify.plugins.queryParser({ mapParams: false }));
  // maxBodySize is a restify option the @types package does not list.
  server.use(restify.plugins.jsonBodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false } as restify.plugins.JsonBodyParserOptions));

  let inFlight = 0;
  let draining = false;

  server.post('/api/messages', async (req: Request, res: Response) => {
    const verdict = validateIncomingActivity(req.body, parts.localMode);
    if (!verdict.ok) {
      res.send(400, { error: { code: 'BadArgument', message: `Not a valid activity: ${verdict.problem}.` } });
      return;
    }
    inFlight += 1;
    try {
      await parts.adapter.process(req, res, (context) => parts.bot.run(context));
    } finally {
      inFlight -= 1;
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    if (draining) {
      res.send(503, { status: 'shutting down' });
      return;
    }
    try {
      await parts.checkStorage();
      res.send(200, { status: 'ready', storage: 'ok' });
    } catch (error) {
      parts.log.error('readiness_storage_failed', describeError(error));
      res.send(503, { status: 'not ready', storage: 'unreachable' });
    }
  });

  parts.addRoutes(server);

  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) parts.log.error('request_failed', { path: req.getPath(), ...describeError(error) });
    callback();
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      }),
    close: async () => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const deadline = Date.now() + (parts.drainTimeoutMs ?? 10000);
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      if (inFlight > 0) parts.log.warn('shutdown_turns_abandoned', { inFlight });
      await parts.stream?.close();
      server.server.closeAllConnections();
      await closed;
    },
  };
}

/** Runs the request guard before restify's own request and 100-continue handlers. */
function guardHttpServer(http: HttpServer): void {
  for (const event of ['request', 'checkContinue'] as const) {
    const handlers = http.listeners(event) as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    http.removeAllListeners(event);
    http.on(event, (req: IncomingMessage, res: ServerResponse) => {
      const verdict = checkRequest(req);
      if (!verdict.ok) {
        sendVerdict(res, verdict);
        return;
      }
      for (const handler of handlers) handler.call(http, req, res);
    });
  }
}
