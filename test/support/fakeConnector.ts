import { createServer, Server } from 'node:http';

interface Received {
  type: string;
  text?: string;
  replyToId?: string;
}

/**
 * Stands in for the Bot Framework Emulator's (or a channel's) connector: the bot POSTs its replies
 * to `${serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`, and this records them.
 */
export async function startFakeConnector(): Promise<{ serviceUrl: string; received: Received[]; stop: () => Promise<void> }> {
  const received: Received[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) received.push(JSON.parse(body) as Received);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${(counter += 1)}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { serviceUrl: `http://127.0.0.1:${port}/`, received, stop: () => new Promise((r) => server.close(() => r())) };
}
