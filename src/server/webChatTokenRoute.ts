import type { Request, Response, Server } from 'restify';
import { exchangeSecretForToken } from '../channels/directline/azureTokenExchange';
import { DirectLineGateway } from '../channels/directline/directLineGateway';
import { DIRECT_LINE_BASE_PATH } from '../channels/directline/directLineRoutes';
import { describeError, Logger } from '../logger';
import { requestOrigin } from './requestOrigin';

export interface WebChatTokenOptions {
  /** Azure Direct Line: endpoint and secret. Absent = the built-in gateway. */
  readonly azure?: { readonly endpoint: string; readonly secret: string; readonly fetchImpl?: typeof fetch };
  readonly gateway: DirectLineGateway;
  readonly log: Logger;
}

/**
 * POST /api/directline/token: what the chat page calls to start. It answers with everything the
 * page needs to connect (token, conversation, which Direct Line to talk to) and never the secret.
 * The built-in gateway also answers Direct Line's own tokens/generate the same way.
 */
export function registerWebChatTokenRoute(server: Server, options: WebChatTokenOptions): void {
  const issue = async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
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
