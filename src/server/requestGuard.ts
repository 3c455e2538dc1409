import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bodies larger than this are refused before they are read. Activities are a few KB; 256 KB leaves room for cards. */
export const MAX_BODY_BYTES = 256 * 1024;

const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS']);
const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly message: string };

/**
 * Checks a request before restify sees it. Each rule stops a single request that was measured to
 * crash or hang restify 12 (STACK.md): unparsable request targets and Host headers throw inside its
 * router; compressed bodies go to a decompressor with no error listener and no size limit.
 */
export function checkRequest(req: IncomingMessage): GuardVerdict {
  if (!ALLOWED_METHODS.has(req.method ?? '')) return reject(405, 'Method not allowed.');
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//') || target.length > 4096) return reject(400, 'Bad request target.');
  if (!parsesAsUrl(`http://localhost${target}`)) return reject(400, 'Bad request target.');
  try {
    decodeURI(target);
  } catch {
    return reject(400, 'Bad request target.');
  }
  const host = req.headers.host;
  if (host !== undefined && !HOST_PATTERN.test(host)) return reject(400, 'Bad Host header.');
  // restify parses "http://" + Host + target on every request, outside any try. Hosts the pattern lets
  // through can still fail that parse (port 99999, "[1:2:3]", "999.1.1.1", "xn--a") and would end the process.
  if (!parsesAsUrl(`http://${host || 'localhost'}${target}`)) return reject(400, 'Bad Host header.');
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  if (encoding !== 'identity') return reject(415, 'Compressed request bodies are not accepted.');
  const length = req.headers['content-length'];
  if (length !== undefined && (!/^\d+$/.test(length) || Number(length) > MAX_BODY_BYTES)) return reject(413, 'Request body too large.');
  return { ok: true };
}

export function sendVerdict(res: ServerResponse, verdict: Extract<GuardVerdict, { ok: false }>): void {
  const body = JSON.stringify({ error: { code: 'BadRequest', message: verdict.message } });
  res.writeHead(verdict.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
}

/** Parses the way restify's Request.getUrl does (one string, not a path resolved against a base). */
function parsesAsUrl(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

function reject(status: number, message: string): GuardVerdict {
  return { ok: false, status, message };
}
