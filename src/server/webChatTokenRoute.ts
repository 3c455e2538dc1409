import type { Request, Response, Server } from 'restify';
import { exchangeSecretForToken } from '../channels/directline/azureTokenExchange';
import { DirectLineGateway } from '../channels/directline/directLineGateway';
import { DIRECT_LINE_BASE_PATH } from '../channels/directline/directLineRoutes';
import { describeError, Logger } from '../logger';
import { requestOrigin } from './requestOrigin';
import { clientAddress } from './clientAddress';
import { RateLimiter } from './rateLimiter';

export interface WebChatTokenOptions {
  /** Azure Direct Line: endpoint and secret. Absent = the built-in gateway. */
  readonly azure?: { readonly endpoint: string; readonly secret: string; readonly fetchImpl?: typeof fetch };
  readonly gateway: DirectLineGateway;
  readonly log: Logger;
  /** New chats per address (production: 30 in 10 minutes, generous for a shared office or library network). None = no limit. */
  readonly limiter?: RateLimiter;
  /** Behind App Service: take the client's address from X-Forwarded-For. */
  readonly behindProxy?: boolean;
}

/**
 * POST /api/directline/token: what the chat page calls to start. It answers with everything the
 * page needs to connect (token, conversation, which Direct Line to talk to) and never the secret.
 * The built-in gateway also answers Direct Line's own tokens/generate the same way.
 */
export function registerWebChatTokenRoute(server: Server, options: WebChatTokenOptions): void {
  const { limiter } = options;
  const issue = async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    const wait = limiter ? limiter.take(clientAddress(req, options.behindProxy ?? false)) : 0;
    if (wait > 0) {
      options.log.warn('directline_token_rate_limited', { retryAfterSeconds: wait });
      res.header('Retry-After', String(wait));
      res.send(429, { error: { code: 'TooManyRequests', message: 'Too many new chats from this network. Please wait a few minutes and try again, or call the advice line.' } });
      return;
    }
    if (options.azure) {
      try {
        const token = await exchangeSecretForToken(options.azure.endpoint, options.azure.secret, options.azure.fetchImpl);
        res.send(200, { ...token, domain: options.azure.endpoint, webSocket: true, mode: 'azure' });
      } catch (error) {
        options.log.error('directline_token_exchange_failed', describeError(error));
        res.send(503, { error: { code: 'ServiceUnavailable', message: 'The chat is not available right now. Please try again in a few minutes.' } });
      }
      return;
    }
    const session = options.gateway.createSession();
    res.send(200, { ...session, domain: `${requestOrigin(req).http}${DIRECT_LINE_BASE_PATH}`, webSocket: true, mode: 'built-in' });
  };
  server.post(`${DIRECT_LINE_BASE_PATH}/token`, issue);
  if (!options.azure) server.post(`${DIRECT_LINE_BASE_PATH}/tokens/generate`, issue);
}
