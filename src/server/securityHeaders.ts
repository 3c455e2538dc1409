import type { Request, Response, Server } from 'restify';

export interface SecurityHeaderOptions {
  /** Azure Direct Line base URL when the page talks to Azure (its https and wss origins are allowed). */
  readonly directLineEndpoint?: string;
}

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/**
 * Security headers on every response. Scripts only from this site on every page (no
 * 'unsafe-inline'). The consoles may not be framed at all; the chat page may be, because the embed
 * script shows it in an iframe on the charity's site. Web Chat injects <style> elements, so the
 * chat page alone allows inline styles. HSTS is sent when the request came over HTTPS (App Service
 * says so in X-Forwarded-Proto). Pages and APIs that show conversations set no-store themselves.
 */
export function registerSecurityHeaders(server: Server, options: SecurityHeaderOptions = {}): void {
  const directLine = directLineSources(options.directLineEndpoint);
  const chatPolicy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${directLine}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  const consolePolicy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

  server.use((req: Request, res: Response, next: () => void) => {
    const path = req.getPath();
    for (const [name, value] of Object.entries(COMMON)) res.setHeader(name, value);
    res.setHeader('content-security-policy', path.startsWith('/console') || path.startsWith('/api/') ? consolePolicy : chatPolicy);
    if (cameOverHttps(req)) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    next();
  });
}

function directLineSources(endpoint: string | undefined): string {
  if (!endpoint) return '';
  const origin = new URL(endpoint).origin;
  return ` ${origin} ${origin.replace(/^https:/, 'wss:')}`;
}

function cameOverHttps(req: Request): boolean {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
  return forwarded === 'https' || req.isSecure();
}
