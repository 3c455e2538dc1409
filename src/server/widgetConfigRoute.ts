import type { Request, Response, Server } from 'restify';
import { Config } from '../config';

/** The few settings the chat page needs; nothing secret is ever part of this. */
export function registerWidgetConfigRoute(server: Server, config: Config): void {
  server.get('/api/widget-config', async (_req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    res.send(200, { botDisplayName: config.botDisplayName, quickExitUrl: config.quickExitUrl });
  });
}
