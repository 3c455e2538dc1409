import type { IncomingMessage } from 'node:http';

/**
 * The origin the browser used to reach us. Behind App Service (or any TLS-terminating proxy) the
 * socket is plain HTTP, so X-Forwarded-Proto says whether the page was https. The Host header was
 * already checked by the request guard.
 */
export function requestOrigin(req: IncomingMessage): { readonly http: string; readonly ws: string } {
  const secure = req.headers['x-forwarded-proto'] === 'https' || (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? 'localhost';
  return { http: `${secure ? 'https' : 'http'}://${host}`, ws: `${secure ? 'wss' : 'ws'}://${host}` };
}
