import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { DirectLineGateway, GatewayError } from './directLineGateway';
import { DIRECT_LINE_BASE_PATH } from './directLineRoutes';
import { CONVERSATION_ID_PATTERN } from './ids';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_BASE_PATH}/conversations/([^/?]+)/stream$`);
/** Idle proxies drop silent sockets after about a minute; a ping every 30 s keeps the stream open. */
const PING_INTERVAL_MS = 30000;

/**
 * The Direct Line WebSocket stream: on connect, everything after the client's watermark, then each
 * new activity as `{ activities, watermark }`. Clients send empty strings as keep-alives; any
 * other message from them is ignored (activities are posted over HTTP).
 */
export class DirectLineStream {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly pinger: NodeJS.Timeout;

  constructor(private readonly gateway: DirectLineGateway) {
    this.pinger = setInterval(() => this.pingAll(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  /** Returns false when the upgrade is not for a stream, so the caller can refuse it. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return false;
    const conversationId = match[1];
    try {
      if (!CONVERSATION_ID_PATTERN.test(conversationId)) throw new GatewayError(404, 'BadArgument', 'Conversation not found.');
      this.gateway.checkToken(url.searchParams.get('t') ?? '', conversationId);
    } catch (error) {
      const status = error instanceof GatewayError ? error.status : 400;
      socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, conversationId, url.searchParams.get('watermark') ?? undefined));
    return true;
  }

  /** Closes every stream (shutdown); clients reconnect to another instance or after restart. */
  close(): Promise<void> {
    clearInterval(this.pinger);
    for (const client of this.wss.clients) client.close(1001, 'Server restarting');
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private attach(ws: WebSocket, conversationId: string, watermark: string | undefined): void {
    const alive = ws as WebSocket & { isAlive?: boolean };
    alive.isAlive = true;
    ws.on('pong', () => (alive.isAlive = true));
    ws.on('message', () => undefined);
    ws.on('error', () => ws.terminate());

    const backlog = this.gateway.hub.activitySetJsonAfter(conversationId, watermark);
    if (backlog !== undefined) ws.send(backlog);
    const unsubscribe = this.gateway.hub.subscribe(conversationId, (setJson) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(setJson);
    });
    ws.on('close', unsubscribe);
  }

  private pingAll(): void {
    for (const client of this.wss.clients) {
      const alive = client as WebSocket & { isAlive?: boolean };
      if (alive.isAlive === false) {
        client.terminate();
        continue;
      }
      alive.isAlive = false;
      client.ping();
    }
  }
}
