import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, for rate limits. Behind App Service every request arrives from
 * the front end's own address, so with `behindProxy` the last X-Forwarded-For entry (the one the
 * proxy added; earlier ones can be typed by anyone) is used instead. Without a proxy the header is
 * ignored, because a client could write anything in it.
 */
export function clientAddress(req: IncomingMessage, behindProxy: boolean): string {
  const forwarded = behindProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : '';
  // App Service writes "203.0.113.7:54321"; IPv6 comes as "[2001:db8::1]:54321".
  const withoutPort = forwarded ? forwarded.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^([\d.]+):\d+$/, '$1') : '';
  return withoutPort || req.socket.remoteAddress || 'unknown';
}
