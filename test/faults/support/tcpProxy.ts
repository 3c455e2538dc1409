import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * How the proxy behaves while it is cut:
 * - `refuse`: what a stopped database server looks like. Open connections are reset, and each new one
 *   is accepted and reset at once, so clients fail fast ("Connection terminated unexpectedly").
 * - `hold`: what a network black hole looks like. Open connections stop carrying bytes either way
 *   (nothing is closed) and new ones are accepted but never answered, so clients wait for their own
 *   timeouts. On restore everything still open carries bytes again, as TCP would after a short
 *   partition: held connections go through to the server then, and what their clients sent is delivered.
 */
export type OutageMode = 'refuse' | 'hold';

interface Pair {
  readonly client: Socket;
  readonly server: Socket;
  /** Bytes flow both ways (so piping again would deliver them twice). */
  piped: boolean;
}

/**
 * A TCP proxy on 127.0.0.1 that the test controls, put between the bot and PostgreSQL so a test can
 * cause a database outage without touching the shared server. Start it, point the bot's
 * DATABASE_URL at `port`, then `cut()` and `restore()`.
 */
export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private readonly held = new Set<Socket>();
  private outage: OutageMode | undefined;
  /** Connections accepted and piped through since the proxy started. */
  accepted = 0;
  /** Connections turned away (reset or held) while cut. */
  turnedAway = 0;

  private constructor(
    private readonly listener: Server,
    readonly port: number,
    private readonly target: { readonly host: string; readonly port: number },
  ) {
    listener.on('connection', (socket) => this.onConnection(socket));
  }

  static async start(target: { readonly host: string; readonly port: number }): Promise<TcpProxy> {
    const listener = createServer({ pauseOnConnect: false });
    const port = await new Promise<number>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(0, '127.0.0.1', () => resolve((listener.address() as { port: number }).port));
    });
    return new TcpProxy(listener, port, target);
  }

  /** Connections currently piped to the server. */
  get open(): number {
    return this.pairs.size;
  }

  get isCut(): boolean {
    return this.outage !== undefined;
  }

  /** Starts an outage (see OutageMode). */
  cut(mode: OutageMode = 'refuse'): void {
    this.outage = mode;
    for (const pair of this.pairs) {
      if (mode === 'refuse') {
        this.drop(pair);
      } else {
        pair.client.unpipe(pair.server);
        pair.server.unpipe(pair.client);
        pair.client.pause();
        pair.server.pause();
        pair.piped = false;
      }
    }
  }

  /** Ends the outage: new connections go through again, and held ones carry bytes again. */
  restore(): void {
    const was = this.outage;
    this.outage = undefined;
    if (was === 'hold') {
      for (const pair of this.pairs) this.pipe(pair);
    }
    const held = [...this.held];
    this.held.clear();
    for (const socket of held) {
      if (!socket.destroyed) this.connectThrough(socket);
    }
  }

  /** Stops listening and closes every connection. */
  async close(): Promise<void> {
    for (const pair of this.pairs) this.drop(pair);
    for (const socket of this.held) socket.destroy();
    this.held.clear();
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }

  private onConnection(client: Socket): void {
    client.on('error', () => undefined);
    if (this.outage === 'refuse') {
      this.turnedAway += 1;
      client.resetAndDestroy();
      return;
    }
    if (this.outage === 'hold') {
      this.turnedAway += 1;
      client.pause();
      this.held.add(client);
      client.once('close', () => this.held.delete(client));
      return;
    }
    this.connectThrough(client);
  }

  private connectThrough(client: Socket): void {
    this.accepted += 1;
    client.pause();
    const server = createConnection({ host: this.target.host, port: this.target.port });
    const pair: Pair = { client, server, piped: false };
    this.pairs.add(pair);
    server.on('error', () => this.drop(pair));
    client.on('close', () => this.drop(pair));
    server.on('close', () => this.drop(pair));
    server.once('connect', () => {
      if (this.outage === 'refuse') return this.drop(pair);
      if (this.outage === 'hold') return;
      this.pipe(pair);
    });
  }

  private pipe(pair: Pair): void {
    if (pair.piped) return;
    pair.piped = true;
    pair.client.pipe(pair.server);
    pair.server.pipe(pair.client);
    pair.client.resume();
    pair.server.resume();
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    // A reset, not a polite FIN: the bot must not mistake a dead server for one that said goodbye.
    if (!pair.client.destroyed) pair.client.resetAndDestroy();
    if (!pair.server.destroyed) pair.server.destroy();
  }
}
