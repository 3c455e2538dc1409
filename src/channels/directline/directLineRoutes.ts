import type { Request, Response, Server } from 'restify';
import { Activity } from 'botbuilder';
import { WireActivity } from './conversationHub';
import { DirectLineGateway, GatewayError } from './directLineGateway';
import { CONVERSATION_ID_PATTERN } from './ids';
import { QUICK_EXIT_EVENT } from '../../bots/adviceBot';
import { requestOrigin } from '../../server/requestOrigin';

export const DIRECT_LINE_BASE_PATH = '/api/directline';

/** Where clients open the WebSocket stream; ws:// or wss:// to match how the page was reached. */
export function streamUrlFor(req: Request, conversationId: string, token: string, watermark?: string): string {
  const query = new URLSearchParams({ t: token, ...(watermark ? { watermark } : {}) });
  return `${requestOrigin(req).ws}${DIRECT_LINE_BASE_PATH}/conversations/${conversationId}/stream?${query}`;
}

function sendError(res: Response, error: unknown): void {
  if (error instanceof GatewayError) {
    res.send(error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  throw error;
}

function conversationParam(req: Request): string {
  const id = String(req.params.conversationId ?? '');
  if (!CONVERSATION_ID_PATTERN.test(id)) throw new GatewayError(404, 'BadArgument', 'Conversation not found.');
  return id;
}

/** The Direct Line 3.0 client API: what Web Chat and botframework-directlinejs call. */
export function registerDirectLineRoutes(server: Server, gateway: DirectLineGateway): void {
  const base = DIRECT_LINE_BASE_PATH;
  const handle = (work: (req: Request, res: Response) => void | Promise<void>) => async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    try {
      await work(req, res);
    } catch (error) {
      sendError(res, error);
    }
  };

  server.post(`${base}/tokens/refresh`, handle((req, res) => {
    const session = gateway.refresh(gateway.authorize(req.headers.authorization));
    res.send(200, { conversationId: session.conversationId, token: session.token, expires_in: session.expiresIn });
  }));

  server.post(`${base}/conversations`, handle((req, res) => {
    const claims = gateway.authorize(req.headers.authorization);
    gateway.start(claims);
    const session = gateway.refresh(claims);
    res.send(201, {
      conversationId: claims.conversationId,
      token: session.token,
      expires_in: session.expiresIn,
      streamUrl: streamUrlFor(req, claims.conversationId, session.token),
    });
  }));

  server.get(`${base}/conversations/:conversationId`, handle((req, res) => {
    const conversationId = conversationParam(req);
    const claims = gateway.authorize(req.headers.authorization, conversationId);
    const session = gateway.refresh(claims);
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.send(200, {
      conversationId,
      token: session.token,
      expires_in: session.expiresIn,
      streamUrl: streamUrlFor(req, conversationId, session.token, watermark),
    });
  }));

  server.get(`${base}/conversations/:conversationId/activities`, handle((req, res) => {
    const conversationId = conversationParam(req);
    gateway.authorize(req.headers.authorization, conversationId);
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    res.send(200, gateway.hub.activitiesAfter(conversationId, watermark));
  }));

  server.post(`${base}/conversations/:conversationId/activities`, handle(async (req, res) => {
    const conversationId = conversationParam(req);
    const claims = gateway.authorize(req.headers.authorization, conversationId);
    const body = req.body as Partial<Activity> | undefined;
    const isQuickExit = body?.type === 'event' && body.name === QUICK_EXIT_EVENT;
    const id = isQuickExit ? await gateway.end(claims, body) : await gateway.post(claims, body);
    res.send(200, { id });
  }));

  // Files are never read (they would hold names and case numbers); say so in Direct Line's terms.
  server.post(`${base}/conversations/:conversationId/upload`, handle((req, res) => {
    const conversationId = conversationParam(req);
    gateway.authorize(req.headers.authorization, conversationId);
    res.send(415, { error: { code: 'NotSupported', message: 'This chat cannot take files. Please type your message instead.' } });
  }));
}

/**
 * The Bot Connector API the bot calls to send replies (its serviceUrl). The path carries a key
 * derived from the signing key: in local mode the bot sends no credentials, and without the key
 * anyone could inject "bot" messages into a person's chat.
 */
export function registerConnectorRoutes(server: Server, gateway: DirectLineGateway, connectorKey: string): void {
  const prefix = `${DIRECT_LINE_BASE_PATH}/connector/${connectorKey}/v3/conversations/:conversationId/activities`;
  const receive = async (req: Request, res: Response) => {
    try {
      const conversationId = conversationParam(req);
      const body = req.body as Omit<WireActivity, 'id' | 'timestamp'> | undefined;
      if (!body || typeof body !== 'object' || typeof body.type !== 'string') throw new GatewayError(400, 'BadArgument', 'Send an activity.');
      res.send(200, { id: gateway.acceptFromBot(conversationId, body) });
    } catch (error) {
      sendError(res, error);
    }
  };
  server.post(prefix, receive);
  server.post(`${prefix}/:activityId`, receive);
}
