import { createHash, randomBytes } from 'node:crypto';
import { createTokenService } from '../../../src/channels/directline/tokens';
import { brokenJson, compressedBody, deeplyNested, hostileText, randomUnicode, wrongTypedValue } from './hostileValues';
import type { Rng } from './prng';
import type { Outcome, RawPlan } from './transport';

/** One generated request and what the server may answer. */
export interface FaultRequest {
  /** A row of the summary table. */
  readonly category: string;
  /** The route it aims at, as registered ("POST /api/directline/conversations/:conversationId/activities"). */
  readonly endpoint: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Bytes for a fresh socket instead of Node's HTTP client (malformed HTTP, upgrades, hang-ups). */
  readonly raw?: RawPlan;
  /** Statuses that are right here. 0 = no answer, allowed only where the server is meant to drop the connection. */
  readonly expect: readonly number[];
  /** A success here would let someone in where they must not be: reported as a security failure. */
  readonly mustNotSucceed?: boolean;
  /** A further check on the answer; returns what is wrong, or undefined. */
  readonly check?: (outcome: Outcome) => string | undefined;
}

export interface Session {
  readonly conversationId: string;
  readonly userId: string;
  readonly token: string;
}

/** What the generators need from the running bot. */
export interface FaultContext {
  readonly production: boolean;
  /** Fake Bot Framework connector on this machine, for /api/messages replies. */
  readonly serviceUrl: string;
  /** Direct Line conversations the "attacker" owns (started, with valid tokens). */
  readonly sessions: readonly Session[];
  /** The normal user's conversation right now (someone else's conversation, from the attacker's side). */
  readonly victim: () => Session | undefined;
  /** The bot's DIRECTLINE_TOKEN_SECRET, so the test can sign a token that is correct but expired. */
  readonly signingKey: string;
  /** Console session cookies ("name=value") for accounts of each role, or "" when not signed in. */
  readonly cookies: { readonly staff: string; readonly adviser: string; readonly admin: string };
  /** Paths the static file table serves. */
  readonly staticPaths: readonly string[];
}

export interface Shape {
  readonly name: string;
  /** Relative share of the generated requests. */
  readonly weight: number;
  make(rng: Rng, ctx: FaultContext): FaultRequest;
}

const DL = '/api/directline';
const JSON_TYPE = { 'content-type': 'application/json' };
const CONSOLE = { 'content-type': 'application/json', 'x-console-request': '1' };
const MAX_BODY = 256 * 1024;

const routes = {
  messages: 'POST /api/messages',
  token: `POST ${DL}/token`,
  generate: `POST ${DL}/tokens/generate`,
  refresh: `POST ${DL}/tokens/refresh`,
  start: `POST ${DL}/conversations`,
  reconnect: `GET ${DL}/conversations/:conversationId`,
  getActivities: `GET ${DL}/conversations/:conversationId/activities`,
  postActivity: `POST ${DL}/conversations/:conversationId/activities`,
  upload: `POST ${DL}/conversations/:conversationId/upload`,
  stream: `GET ${DL}/conversations/:conversationId/stream (WebSocket)`,
  connector: `POST ${DL}/connector/:connectorKey/v3/conversations/:conversationId/activities`,
  connectorReply: `POST ${DL}/connector/:connectorKey/v3/conversations/:conversationId/activities/:activityId`,
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks

function activity(ctx: FaultContext, rng: Rng, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${rng.text(10)}`,
    text: 'what is section 20',
    channelId: 'emulator',
    serviceUrl: ctx.serviceUrl,
    // A fresh conversation each time, so concurrent turns never race on one conversation's state.
    conversation: { id: `fault-${rng.text(16)}` },
    from: { id: `user-${rng.text(6)}`, name: 'Tester' },
    recipient: { id: 'family-advice-bot', name: 'Bot' },
    locale: 'en-GB',
    ...overrides,
  };
}

/** Shrinks `text` until the JSON body stays well inside the size limit. */
function fitted(text: string, maxBytes = 150 * 1024): string {
  let out = text;
  while (Buffer.byteLength(JSON.stringify(out)) > maxBytes) out = out.slice(0, Math.floor(out.length * 0.7));
  return out;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function session(rng: Rng, ctx: FaultContext): Session {
  return rng.pick(ctx.sessions);
}

/** A conversation that is not the caller's: the normal user's when there is one, otherwise another attacker session. */
function someoneElses(rng: Rng, ctx: FaultContext, mine: Session): Session {
  // Both draws always happen, so whether the victim exists right now never shifts the seeded sequence.
  const preferVictim = rng.chance(0.6);
  const others = ctx.sessions.filter((s) => s.conversationId !== mine.conversationId);
  const other = others.length > 0 ? rng.pick(others) : { conversationId: randomBytes(18).toString('base64url'), userId: 'dl_x', token: '' };
  const victim = ctx.victim();
  return victim && preferVictim ? victim : other;
}

/** Percent-encoded text that decodes to valid UTF-8 (surrogates, which encodeURIComponent refuses when alone, become "é"). */
function safelyEncoded(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\u00e9'));
}

function encodedUnicode(rng: Rng, length: number): string {
  return safelyEncoded(randomUnicode(rng, length));
}

/** Percent-encoded random bytes: usually not UTF-8 at all. */
function encodedBytes(rng: Rng, length: number): string {
  return [...rng.bytes(length)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

function expiredToken(ctx: FaultContext, rng: Rng, s: Session): string {
  const past = Date.now() - rng.int(2, 72) * 3600 * 1000;
  return createTokenService(ctx.signingKey, rng.int(60, 1800), () => past).issue(s.conversationId, s.userId).token;
}

function foreignKeyToken(rng: Rng, s: Session): string {
  return createTokenService(rng.text(40), 1800).issue(s.conversationId, s.userId).token;
}

/** A token whose payload names another conversation but whose signature is from a real one. */
function editedToken(mine: Session, target: Session): string {
  const [, signature] = mine.token.split('.');
  const payload = Buffer.from(JSON.stringify({ c: target.conversationId, u: mine.userId, e: Math.floor(Date.now() / 1000) + 9999 })).toString('base64url');
  return `${payload}.${signature}`;
}

function garbageToken(rng: Rng): string {
  return rng.pick([
    () => rng.text(rng.int(1, 80)),
    () => `${rng.text(20)}.${rng.text(43)}`,
    () => `${rng.text(5)}.${rng.text(5)}.${rng.text(5)}`,
    () => '.',
    () => 'eyJ9.sig',
    () => `${Buffer.from('{"c":1,"u":2,"e":"x"}').toString('base64url')}.${rng.text(43)}`,
    () => `${Buffer.from('not json').toString('base64url')}.${rng.text(43)}`,
    () => rng.text(rng.int(2000, 6000)),
    () => encodedUnicode(rng, 20),
  ])();
}

function malformedAuthorization(rng: Rng): Record<string, string> {
  return rng.pick<Record<string, string>>([
    {},
    { authorization: '' },
    { authorization: 'Bearer' },
    { authorization: 'Bearer ' },
    { authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` },
    { authorization: `Bearer ${rng.text(10)} ${rng.text(10)}` },
    { authorization: `Token ${rng.text(30)}` },
    { authorization: rng.text(40) },
  ]);
}

/** Conversation ids the gateway can never have issued (wrong length or characters). */
function malformedConversationId(rng: Rng): string {
  return rng.pick([
    () => rng.text(rng.int(1, 7), 'abcdef0123'),
    () => 'a'.repeat(rng.int(65, 300)),
    () => `${rng.text(12)}%24${rng.text(4)}`,
    () => '%2e%2e',
    () => `${rng.text(10)}%00`,
    () => encodeURIComponent(`${rng.text(8)}|${rng.text(4)}`),
    () => encodedBytes(rng, 12),
    () => `${rng.text(10)}.${rng.text(4)}`,
  ])();
}

function consoleCookieJunk(rng: Rng): string {
  return rng.pick([
    () => `console_session=${rng.text(rng.int(0, 64))}`,
    () => `__Host-console_session=${randomBytes(32).toString('base64url')}`,
    () => `console_session=${randomBytes(32).toString('hex')}; console_session=${rng.text(8)}`,
    () => ';;;===;%ZZ=%ZZ; console_session=%E0%A4%A',
    () => `__proto__=1; constructor=2; console_session=__proto__`,
    () => `console_session="${rng.text(20)}"`,
    () => Array.from({ length: rng.int(50, 300) }, (_, i) => `c${i}=${rng.text(5)}`).join('; '),
    () => `console_session=${rng.text(3000)}`,
  ])();
}

function staticLookalike(rng: Rng, staticPaths: readonly string[]): string {
  const real = rng.pick(staticPaths.filter((p) => p !== '/'));
  return rng.pick([
    () => `/../../../../etc/passwd`,
    () => `/%2e%2e/%2e%2e/%2e%2e/etc/passwd`,
    () => `${real}/../../package.json`,
    () => `/vendor/..%2f..%2fpackage.json`,
    () => `/web/../.env`,
    () => `/.env`,
    () => `/node_modules/botframework-webchat/package.json`,
    () => `/dist/config.js`,
    () => `/src/config.ts`,
    () => `/data/bot.sqlite`,
    () => `/data/directline-signing.key`,
    () => `/.git/config`,
    () => `${real}.map`,
    () => `${real}%00.html`,
    () => `${real}/`,
    () => real.toUpperCase(),
    () => `${real};.env`,
    () => `/\\..\\..\\etc\\passwd`,
    () => `/console/../package.json`,
    () => `/console/%2e%2e/package.json`,
    () => `/vendor/${rng.text(8)}.js`,
  ])();
}

// ---------------------------------------------------------------------------------------------
// /api/messages (local mode: the Emulator's and the built-in gateway's endpoint)

const messagesShapes: Shape[] = [
  {
    name: 'messages: broken JSON',
    weight: 5,
    make: (rng, ctx) => ({ category: 'messages: broken JSON', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: brokenJson(rng, JSON.stringify(activity(ctx, rng))), expect: [400] }),
  },
  {
    name: 'messages: not JSON Content-Type',
    weight: 3,
    make: (rng, ctx) => {
      const type = rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream', 'text/json', 'application/jsonx', 'image/png', '']);
      return { category: 'messages: not JSON Content-Type', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: type ? { 'content-type': type } : undefined, body: JSON.stringify(activity(ctx, rng)), expect: [400, 415] };
    },
  },
  {
    name: 'messages: nested too deep',
    weight: 3,
    make: (rng, ctx) => {
      const field = rng.pick(['channelData', 'value', 'entities', 'attachments', 'conversation', 'from']);
      const body = JSON.stringify(activity(ctx, rng, { [field]: 'NEST' })).replace('"NEST"', deeplyNested(rng, rng.int(40, 60000)));
      // The deepest are also over the size limit, which is checked first (413).
      return { category: 'messages: nested too deep', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: JSON_TYPE, body, expect: Buffer.byteLength(body) > MAX_BODY ? [413] : [400] };
    },
  },
  {
    name: 'messages: body over the size limit',
    weight: 2,
    make: (rng, ctx) => {
      const body = Buffer.from(JSON.stringify(activity(ctx, rng, { text: 'x'.repeat(MAX_BODY + rng.int(1, 200 * 1024)) })));
      return {
        category: 'messages: body over the size limit',
        endpoint: routes.messages,
        method: 'POST',
        path: '/api/messages',
        raw: { parts: [`POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`, body], pauseAfterHeadMs: 20 },
        expect: [413],
      };
    },
  },
  {
    name: 'messages: chunked body over the size limit',
    weight: 1,
    make: (rng) => {
      const chunk = Buffer.alloc(64 * 1024, rng.pick(['a', '[', '{', ' ']));
      const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
      return {
        category: 'messages: chunked body over the size limit',
        endpoint: routes.messages,
        method: 'POST',
        path: '/api/messages',
        raw: { parts: ['POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n', ...Array<Buffer>(rng.int(5, 8)).fill(frame), '0\r\n\r\n'] },
        expect: [413],
      };
    },
  },
  {
    name: 'messages: compressed body',
    weight: 3,
    make: (rng, ctx) => {
      const { encoding, body } = compressedBody(rng, JSON.stringify(activity(ctx, rng)));
      return {
        category: 'messages: compressed body (gzip, bombs, truncated)',
        endpoint: routes.messages,
        method: 'POST',
        path: '/api/messages',
        raw: { parts: [`POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Encoding: ${encoding}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`, body], pauseAfterHeadMs: 10 },
        expect: [413, 415],
      };
    },
  },
  {
    name: 'messages: hostile text',
    weight: 6,
    make: (rng, ctx) => ({
      category: 'messages: hostile text (controls, lone surrogates, huge)',
      endpoint: routes.messages,
      method: 'POST',
      path: '/api/messages',
      headers: JSON_TYPE,
      body: JSON.stringify(activity(ctx, rng, { text: fitted(hostileText(rng)) })),
      expect: [200],
    }),
  },
  {
    name: 'messages: unknown activity types',
    weight: 3,
    make: (rng, ctx) => {
      const type = rng.pick(['zzz', 'Message', 'MESSAGE', 'messageX', 'event', 'typing', 'trace', 'handoff', 'command', 'commandResult', 'suggestion', 'delay', 'endOfConversation', 'messageDelete', 'messageUpdate', 'deleteUserData', 'contactRelationUpdate', 'installationUpdate', 'messageReaction', 'conversationUpdate', `x${rng.text(20, 'abcdefghijklmnopqrstuvwxyz')}`]);
      const extras = rng.pick<Record<string, unknown>>([{}, { name: rng.text(8) }, { value: wrongTypedValue(rng) }, { membersAdded: [{ id: 'someone' }] }, { reactionsAdded: [{ type: 'like' }] }, { action: 'add' }]);
      return { category: 'messages: unknown or unusual activity types', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: JSON.stringify(activity(ctx, rng, { type, ...extras })), expect: [200] };
    },
  },
  {
    name: 'messages: invoke',
    weight: 1,
    make: (rng, ctx) => ({
      category: 'messages: invoke the bot does not implement',
      endpoint: routes.messages,
      method: 'POST',
      path: '/api/messages',
      headers: JSON_TYPE,
      body: JSON.stringify(
        activity(ctx, rng, {
          type: 'invoke',
          name: rng.pick(['adaptiveCard/action', 'application/search', 'signin/verifyState', 'signin/tokenExchange', 'composeExtension/query', 'task/fetch', 'healthCheck', rng.text(12)]),
          value: rng.pick<unknown>([wrongTypedValue(rng), { action: { type: rng.pick(['Action.Execute', 'Action.Submit', 5]), verb: 'x' } }, { kind: 'search', queryText: 'x' }]),
        }),
      ),
      // Bot Framework's own answer to an invoke a bot does not implement is 501 NotImplemented (what Teams
      // expects); an invoke whose value cannot be read is a 400, from botbuilder or from the validation.
      expect: [400, 501],
    }),
  },
  {
    name: 'messages: bad type field',
    weight: 2,
    make: (rng, ctx) => {
      const type = rng.pick<unknown>([undefined, null, 5, {}, [], '', ' ', 'message\n', '../x', 'a'.repeat(100), 'mess age', '\u0000', '😀', randomUnicode(rng, 5)]);
      return { category: 'messages: bad or missing type', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: JSON.stringify(activity(ctx, rng, { type })), expect: [400] };
    },
  },
  {
    name: 'messages: attachments',
    weight: 3,
    make: (rng, ctx) => {
      const url = rng.pick([
        'file:///etc/passwd',
        'http://169.254.169.254/latest/meta-data/',
        `https://example.invalid/${'a'.repeat(rng.int(1000, 100000))}`,
        'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
        'javascript:alert(1)',
        `${ctx.serviceUrl}v3/conversations/x/activities`,
        '\\\\server\\share\\x',
      ]);
      const one = { contentType: rng.pick(['image/png', 'application/pdf', 'application/vnd.microsoft.card.adaptive', 'text/html', '']), contentUrl: url, name: rng.pick(['letter.pdf', '../../x', randomUnicode(rng, 10)]) };
      // Many attachments, or one with a huge address: both stay under the body limit.
      const attachments = rng.chance(0.2)
        ? Array.from({ length: rng.int(50, 400) }, () => ({ ...one, contentUrl: url.slice(0, 200) }))
        : [one, { contentType: 'application/vnd.microsoft.card.hero', content: { title: hostileText(rng).slice(0, 500), buttons: [{ type: 'openUrl', value: url }] } }];
      return {
        category: 'messages: attachments (forged and huge contentUrl)',
        endpoint: routes.messages,
        method: 'POST',
        path: '/api/messages',
        headers: JSON_TYPE,
        body: JSON.stringify(activity(ctx, rng, { text: rng.pick(['', 'here is my letter', undefined]), attachments })),
        expect: [200],
      };
    },
  },
  {
    name: 'messages: attachments that are not objects',
    weight: 1,
    make: (rng, ctx) => {
      const attachments = rng.pick<unknown>(['x', 5, {}, [null], [5], ['file.pdf'], [[]], [{ contentUrl: 5 }], [{ contentType: {} }], [{ name: [] }]]);
      return { category: 'messages: malformed attachments', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: JSON.stringify(activity(ctx, rng, { attachments })), expect: [400] };
    },
  },
  {
    name: 'messages: missing from/recipient',
    weight: 2,
    make: (rng, ctx) => {
      const overrides = rng.pick<Record<string, unknown>>([{ from: undefined }, { recipient: undefined }, { from: undefined, recipient: undefined }, { from: {} }, { from: { name: 'x' } }, { from: { id: null } }]);
      return { category: 'messages: missing from or recipient', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: JSON.stringify(activity(ctx, rng, overrides)), expect: [200] };
    },
  },
  {
    name: 'messages: missing or broken conversation',
    weight: 2,
    make: (rng, ctx) => {
      const conversation = rng.pick<unknown>([undefined, null, 'x', 5, [], {}, { id: 5 }, { id: '' }, { id: 'a b' }, { id: 'a\nb' }, { id: 'x'.repeat(300) }, { id: '😀' }, { id: ['x'] }]);
      return { category: 'messages: missing or malformed conversation', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: JSON.stringify(activity(ctx, rng, { conversation })), expect: [400] };
    },
  },
  {
    name: 'messages: wrongly typed fields',
    weight: 5,
    make: (rng, ctx) => {
      const field = rng.pick(['from.name', 'from.role', 'from.aadObjectId', 'from.id', 'recipient.name', 'recipient.role', 'recipient.id', 'conversation.isGroup', 'conversation.name', 'conversation.conversationType', 'conversation.tenantId', 'locale', 'text', 'name', 'textFormat', 'replyToId', 'membersAdded', 'membersRemoved', 'entities', 'id', 'channelId', 'serviceUrl']);
      const value = rng.pick<unknown>([5, -1, true, {}, ['x'], [null], [5], 'x'.repeat(3000), { id: 5 }]);
      const base = activity(ctx, rng, { type: field.startsWith('members') ? 'conversationUpdate' : 'message' });
      const [outer, inner] = field.split('.');
      if (inner) base[outer] = { ...(base[outer] as object), [inner]: value };
      else base[outer] = value;
      // A long string is a fine value for most of these; everything else has the wrong type.
      const stringFields = ['from.name', 'from.role', 'from.aadObjectId', 'from.id', 'recipient.name', 'recipient.role', 'recipient.id', 'conversation.name', 'conversation.conversationType', 'conversation.tenantId', 'locale', 'text', 'name', 'textFormat', 'replyToId'];
      const harmless = (typeof value === 'string' && stringFields.includes(field)) || (typeof value === 'boolean' && field === 'conversation.isGroup');
      return { category: 'messages: fields of the wrong type', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: JSON.stringify(base), expect: harmless ? [200] : [400] };
    },
  },
  {
    name: 'messages: open relay',
    weight: 2,
    make: (rng, ctx) => {
      const serviceUrl = rng.pick(['http://198.51.100.7/', 'https://evil.example/', 'http://169.254.169.254/', 'http://[::ffff:7f00:1]/', 'http://127.0.0.1.nip.io/', 'http://127.0.0.1.evil.example/', 'ftp://127.0.0.1/', 'file:///tmp/', 'not a url', '', 'http://localhost@evil.example/', `http://${'a'.repeat(3000)}/`]);
      return { category: 'messages: serviceUrl off this machine (open relay)', endpoint: routes.messages, method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: JSON.stringify(activity(ctx, rng, { serviceUrl })), expect: [400] };
    },
  },
  {
    name: 'messages: bad Content-MD5',
    weight: 1,
    make: (rng, ctx) => ({
      category: 'messages: wrong Content-MD5',
      endpoint: routes.messages,
      method: 'POST',
      path: '/api/messages',
      headers: { ...JSON_TYPE, 'content-md5': createHash('md5').update(rng.text(8)).digest('base64') },
      body: JSON.stringify(activity(ctx, rng)),
      expect: [400],
    }),
  },
  {
    name: 'messages: wrong method',
    weight: 1,
    make: (rng) => ({ category: 'wrong method on a real route', endpoint: routes.messages, method: rng.pick(['GET', 'PUT', 'DELETE', 'OPTIONS', 'HEAD']), path: '/api/messages', expect: [405] }),
  },
];

// ---------------------------------------------------------------------------------------------
// The built-in Direct Line gateway

const authorisedRoutes = (rng: Rng, conversationId: string) =>
  rng.pick([
    { endpoint: routes.refresh, method: 'POST', path: `${DL}/tokens/refresh` },
    { endpoint: routes.start, method: 'POST', path: `${DL}/conversations` },
    { endpoint: routes.reconnect, method: 'GET', path: `${DL}/conversations/${conversationId}` },
    { endpoint: routes.getActivities, method: 'GET', path: `${DL}/conversations/${conversationId}/activities?watermark=0` },
    { endpoint: routes.postActivity, method: 'POST', path: `${DL}/conversations/${conversationId}/activities` },
    { endpoint: routes.upload, method: 'POST', path: `${DL}/conversations/${conversationId}/upload` },
  ]);

const postBody = (rng: Rng) => JSON.stringify({ type: 'message', text: rng.pick(['hello', 'what is section 20', hostileText(rng).slice(0, 200)]) });

/** Routes that name a conversation in the path; the token must be for that conversation. */
const conversationRoutes = (rng: Rng, conversationId: string) =>
  rng.pick([
    { endpoint: routes.reconnect, method: 'GET', path: `${DL}/conversations/${conversationId}` },
    { endpoint: routes.getActivities, method: 'GET', path: `${DL}/conversations/${conversationId}/activities` },
    { endpoint: routes.postActivity, method: 'POST', path: `${DL}/conversations/${conversationId}/activities` },
    { endpoint: routes.upload, method: 'POST', path: `${DL}/conversations/${conversationId}/upload` },
  ]);

const notTheCallersShapeCheck = (outcome: Outcome) =>
  outcome.status === 200 && /"activities"/.test(outcome.body) ? 'another conversation\'s activities were returned' : undefined;

const directLineShapes: Shape[] = [
  {
    name: 'directline: token request junk',
    weight: 3,
    make: (rng, ctx) => {
      const route = rng.pick([routes.token, routes.generate]);
      const kind = rng.int(0, 3);
      const body = kind === 0 ? brokenJson(rng, '{"user":{"id":"dl_x"}}') : kind === 1 ? JSON.stringify({ user: { id: rng.pick(['dl_victim', 'bot', wrongTypedValue(rng)]) }, trustedOrigin: 'https://evil.example' }) : kind === 2 ? rng.bytes(rng.int(1, 2000)).toString('latin1') : '';
      const contentType = kind === 2 ? rng.pick(['application/octet-stream', 'text/plain', 'multipart/form-data; boundary=x']) : 'application/json';
      // A body is never needed here. JSON that does not parse is refused; anything else is ignored.
      const expect = kind === 0 ? [400] : [200];
      return { category: 'directline: token requests with junk bodies', endpoint: route, method: 'POST', path: route.split(' ')[1], headers: { 'content-type': contentType }, body, expect: ctx.production ? [...expect, 429] : expect };
    },
  },
  {
    name: 'directline: token wrong method',
    weight: 1,
    make: (rng) => {
      const route = rng.pick([routes.token, routes.generate, routes.refresh, routes.start]);
      return { category: 'wrong method on a real route', endpoint: route, method: rng.pick(['GET', 'PUT', 'DELETE']), path: route.split(' ')[1], expect: [405] };
    },
  },
  {
    name: 'directline: no or malformed Authorization',
    weight: 4,
    make: (rng, ctx) => {
      const target = authorisedRoutes(rng, session(rng, ctx).conversationId);
      return { category: 'directline: missing or malformed Authorization', ...target, headers: { ...JSON_TYPE, ...malformedAuthorization(rng) }, body: target.method === 'POST' ? postBody(rng) : undefined, expect: [401], mustNotSucceed: true };
    },
  },
  {
    name: 'directline: garbage or forged token',
    weight: 4,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const token = rng.chance(0.5) ? garbageToken(rng) : rng.chance(0.5) ? editedToken(mine, someoneElses(rng, ctx, mine)) : foreignKeyToken(rng, mine);
      const target = authorisedRoutes(rng, mine.conversationId);
      // A token of several KB makes the headers too large for Node (431) before the bot sees it.
      return { category: 'directline: forged, garbage or foreign-key tokens', ...target, headers: { ...JSON_TYPE, ...bearer(token) }, body: target.method === 'POST' ? postBody(rng) : undefined, expect: [403, 431], mustNotSucceed: true };
    },
  },
  {
    name: 'directline: expired token',
    weight: 3,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const target = authorisedRoutes(rng, mine.conversationId);
      return {
        category: 'directline: correctly signed but expired tokens',
        ...target,
        headers: { ...JSON_TYPE, ...bearer(expiredToken(ctx, rng, mine)) },
        body: target.method === 'POST' ? postBody(rng) : undefined,
        expect: [403],
        mustNotSucceed: true,
        check: (o) => (o.body.includes('TokenExpired') ? undefined : `expected the TokenExpired code, got ${o.body.slice(0, 120)}`),
      };
    },
  },
  {
    name: 'directline: someone else\'s conversation',
    weight: 5,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const theirs = someoneElses(rng, ctx, mine);
      const target = conversationRoutes(rng, theirs.conversationId);
      return {
        category: "directline: valid token, another person's conversation",
        ...target,
        headers: { ...JSON_TYPE, ...bearer(mine.token) },
        body: target.method === 'POST' ? postBody(rng) : undefined,
        expect: [403],
        mustNotSucceed: true,
        check: notTheCallersShapeCheck,
      };
    },
  },
  {
    name: 'directline: malformed conversation id',
    weight: 3,
    make: (rng, ctx) => {
      const target = conversationRoutes(rng, malformedConversationId(rng));
      const headers = rng.chance(0.5) ? { ...JSON_TYPE, ...bearer(session(rng, ctx).token) } : JSON_TYPE;
      return { category: 'directline: malformed conversation ids', ...target, headers, body: target.method === 'POST' ? postBody(rng) : undefined, expect: [400, 404], mustNotSucceed: true };
    },
  },
  {
    name: 'directline: bad activity bodies',
    weight: 6,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const kind = rng.int(0, 11);
      let body: string;
      let expect = [400];
      let contentType = 'application/json';
      if (kind === 0) body = brokenJson(rng, '{"type":"message","text":"hello"}');
      else if (kind === 1) body = JSON.stringify(rng.pick<unknown>([null, 5, 'message', [], [{ type: 'message' }], true]));
      else if (kind === 2) body = JSON.stringify({ type: rng.pick<unknown>(['invoke', 'conversationUpdate', 'endOfConversation', 'messageReaction', 'installationUpdate', 'trace', 'handoff', 'zzz', 'Message', '', 5, null, {}]), name: 'adaptiveCard/action', value: {} });
      else if (kind === 3) body = JSON.stringify({ type: 'message', text: wrongTypedValue(rng) }).replace(/"text":("[^"]*"|null)/, '"text":{"a":1}');
      else if (kind === 4) body = JSON.stringify({ type: 'message', channelData: 'NEST' }).replace('"NEST"', deeplyNested(rng, rng.int(40, 50000)));
      else if (kind === 5) body = JSON.stringify({ type: 'message', text: 'hi', channelData: rng.pick<unknown>(['x', 5, [1, 2], true, { big: 'x'.repeat(20000) }]) });
      else if (kind === 6) body = JSON.stringify({ type: 'message', text: 'hi', attachments: rng.pick<unknown>(['x', 5, {}, [null], [5], ['a'], [[]], [{ contentUrl: 5 }]]) });
      else if (kind === 7) {
        // Just under the body limit: the gateway must refuse what it cannot pass on, not fail with a 502.
        const skeleton = '{"type":"message","text":""}';
        body = `{"type":"message","text":"${'a'.repeat(MAX_BODY - skeleton.length - rng.int(0, 6000))}"}`;
        expect = [413];
      } else if (kind === 8) {
        body = JSON.stringify({ type: 'message', text: 'x'.repeat(MAX_BODY + rng.int(1, 100000)) });
        expect = [413];
      } else if (kind === 9) {
        contentType = rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream']);
        body = JSON.stringify({ type: 'message', text: 'hi' });
      } else if (kind === 10) body = '';
      else body = JSON.stringify({ type: 'message', value: 'NEST' }).replace('"NEST"', deeplyNested(rng, rng.int(33, 400)));
      // Whatever else is wrong with it, a body over the limit is refused for its size first.
      if (Buffer.byteLength(body) > MAX_BODY) expect = [413];
      const big = Buffer.byteLength(body) > 200 * 1024;
      return {
        category: 'directline: malformed activities on own conversation',
        endpoint: routes.postActivity,
        method: 'POST',
        path: `${DL}/conversations/${mine.conversationId}/activities`,
        headers: { 'content-type': contentType, ...bearer(mine.token) },
        body: big ? undefined : body,
        raw: big
          ? { parts: [`POST ${DL}/conversations/${mine.conversationId}/activities HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${mine.token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`, Buffer.from(body)], pauseAfterHeadMs: 10 }
          : undefined,
        expect,
      };
    },
  },
  {
    name: 'directline: hostile but valid activities',
    weight: 6,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const kind = rng.int(0, 5);
      const body =
        kind === 0
          ? { type: 'message', text: fitted(hostileText(rng)) }
          : kind === 1
            ? { type: 'message', text: rng.pick(['', 'my letter']), attachments: [{ contentType: 'image/png', contentUrl: rng.pick(['file:///etc/passwd', `https://x.invalid/${'a'.repeat(rng.int(1000, 60000))}`, 'javascript:alert(1)']), name: randomUnicode(rng, 8) }] }
            : kind === 2
              ? { type: 'event', name: rng.pick(['webchat/join', 'quickExit', rng.text(12), '']), value: wrongTypedValue(rng) }
              : kind === 3
                ? { type: 'typing', text: hostileText(rng).slice(0, 100) }
                : kind === 4
                  ? { type: 'message', text: 'hello', from: { id: 'family-advice-bot', name: 'Bot', role: 'bot' }, recipient: { id: 'someone-else' }, conversation: { id: someoneElses(rng, ctx, mine).conversationId }, serviceUrl: 'http://198.51.100.7/', channelId: 'msteams', id: 'forged-id' }
                  : { type: 'message', text: 'yes', value: wrongTypedValue(rng), locale: rng.pick(['x'.repeat(50), 'zz-ZZ', '', '\u0000']), textFormat: rng.pick(['xml', 'markdown', 'x'.repeat(30)]), channelData: { clientActivityID: rng.pick([rng.text(10), 5, {}, 'x'.repeat(300)]), postBack: true } };
      return {
        category: 'directline: hostile but well-formed activities',
        endpoint: routes.postActivity,
        method: 'POST',
        path: `${DL}/conversations/${mine.conversationId}/activities`,
        headers: { ...JSON_TYPE, ...bearer(mine.token) },
        body: JSON.stringify(body),
        expect: [200],
        // The answer must be an id in the caller's own conversation, never the one the body claimed.
        check: (o) => (o.status === 200 && !o.body.includes(mine.conversationId) ? `id not in the caller's conversation: ${o.body.slice(0, 100)}` : undefined),
      };
    },
  },
  {
    name: 'directline: watermarks',
    weight: 2,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const watermark = rng.pick(['-1', '1e999', 'abc', '99999999999999999999999', '0x10', '', '%00', 'NaN', '1.5', '1&watermark=2', 'watermark[]=1', '%F0%9F%98%80']);
      const route = rng.pick([routes.getActivities, routes.reconnect]);
      const path = route === routes.getActivities ? `${DL}/conversations/${mine.conversationId}/activities?watermark=${watermark}` : `${DL}/conversations/${mine.conversationId}?watermark=${watermark}`;
      return { category: 'directline: junk watermarks on own conversation', endpoint: route, method: 'GET', path, headers: bearer(mine.token), expect: [200] };
    },
  },
  {
    name: 'directline: upload',
    weight: 2,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const boundary = rng.text(16);
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${rng.pick(['../../etc/passwd', 'letter.pdf', 'x\u0000.exe'])}"\r\nContent-Type: application/pdf\r\n\r\n${rng.bytes(rng.int(10, 4000)).toString('latin1')}\r\n--${boundary}--\r\n`;
      return { category: 'directline: file uploads', endpoint: routes.upload, method: 'POST', path: `${DL}/conversations/${mine.conversationId}/upload?userId=${mine.userId}`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...bearer(mine.token) }, body, expect: [415] };
    },
  },
  {
    name: 'directline: websocket refused',
    weight: 3,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const kind = rng.int(0, 4);
      const id = kind === 3 ? malformedConversationId(rng).replace(/%2[fF]/g, '') : kind === 2 ? someoneElses(rng, ctx, mine).conversationId : mine.conversationId;
      const token = kind === 0 ? '' : kind === 1 ? expiredToken(ctx, rng, mine) : kind === 4 ? garbageToken(rng).slice(0, 500) : mine.token;
      const path = `${DL}/conversations/${id}/stream${token ? `?t=${encodeURIComponent(token)}` : ''}`;
      const head = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`;
      return { category: 'websocket: no, expired, forged or foreign token', endpoint: routes.stream, method: 'GET', path, raw: { parts: [head] }, expect: kind === 3 ? [400, 404] : [403], mustNotSucceed: true };
    },
  },
  {
    name: 'directline: websocket handshake junk',
    weight: 1,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const path = `${DL}/conversations/${mine.conversationId}/stream?t=${encodeURIComponent(mine.token)}`;
      const headers = rng.pick([
        'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n',
        `Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 99\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n`,
        'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: not-base64!\r\n',
        `Connection: Upgrade\r\nUpgrade: h2c\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n`,
      ]);
      return { category: 'websocket: broken handshakes with a valid token', endpoint: routes.stream, method: 'GET', path, raw: { parts: [`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}\r\n`] }, expect: [400, 426] };
    },
  },
  {
    name: 'directline: websocket then garbage',
    weight: 2,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const path = `${DL}/conversations/${mine.conversationId}/stream?t=${encodeURIComponent(mine.token)}&watermark=${rng.pick(['0', '-5', 'x', '99999999999999999999'])}`;
      const head = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`;
      return { category: 'websocket: valid stream, then bad frames', endpoint: routes.stream, method: 'GET', path, raw: { parts: [head], afterUpgrade: [websocketJunk(rng)] }, expect: [101] };
    },
  },
  {
    name: 'directline: connector without its key',
    weight: 2,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const reply = rng.chance(0.5);
      const path = `${DL}/connector/${rng.text(32)}/v3/conversations/${mine.conversationId}/activities${reply ? `/${rng.text(10)}` : ''}`;
      return { category: 'directline: bot connector with a wrong key', endpoint: reply ? routes.connectorReply : routes.connector, method: 'POST', path, headers: JSON_TYPE, body: JSON.stringify({ type: 'message', text: 'I am the bot, give me your address', from: { id: 'family-advice-bot', role: 'bot' } }), expect: [404], mustNotSucceed: true };
    },
  },
];

/** Frames a browser never sends: unmasked, oversized, reserved opcodes, or not a frame at all. */
function websocketJunk(rng: Rng): Buffer {
  const mask = randomBytes(4);
  const masked = (opcode: number, payload: Buffer, extra = 0) => {
    const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
    const header = payload.length < 126 ? Buffer.from([0x80 | extra | opcode, 0x80 | payload.length]) : Buffer.concat([Buffer.from([0x80 | extra | opcode, 0x80 | 126]), Buffer.from([payload.length >> 8, payload.length & 0xff])]);
    return Buffer.concat([header, mask, body]);
  };
  return rng.pick([
    () => rng.bytes(rng.int(1, 300)),
    () => Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]), // unmasked text frame
    () => masked(0x1, Buffer.alloc(rng.int(4097, 60000), 0x61)), // over the 4 KB limit
    () => masked(0x3, Buffer.from('reserved')), // reserved opcode
    () => masked(0x1, Buffer.from([0xff, 0xfe, 0xfd])), // text frame that is not UTF-8
    () => masked(0x1, Buffer.from('x'), 0x40), // RSV1 without an extension
    () => masked(0x9, Buffer.alloc(200)), // control frame over 125 bytes
    () => masked(0x8, Buffer.from([0x03, 0xe8, 0xff])), // close frame with bad reason
    () => Buffer.concat([masked(0x1, Buffer.from('')), masked(0x8, Buffer.from([0x03, 0xe8]))]), // keep-alive then close
  ])();
}

// ---------------------------------------------------------------------------------------------
// Console sign-in, adviser, staff and admin APIs

const consoleShapes: Shape[] = [
  {
    name: 'console: posts without the console header (CSRF)',
    weight: 3,
    make: (rng, ctx) => {
      const path = rng.pick(['/api/console/login', '/api/console/logout', '/api/console/reauthenticate', '/api/adviser/availability', '/api/adviser/handoffs/1/accept', '/api/staff/erase', '/api/staff/suggestions', '/api/admin/accounts', '/api/admin/accounts/1/disable']);
      const cookie = rng.pick([ctx.cookies.staff, ctx.cookies.adviser, ctx.cookies.admin, '']);
      const header = rng.pick<Record<string, string>>([{}, { 'x-console-request': '0' }, { 'x-console-request': '' }, { 'x-console-request': 'true' }, { 'x-console-request': '1, 1' }]);
      return {
        category: 'console: POST without the X-Console-Request header (CSRF)',
        endpoint: `POST ${templateOf(path)}`,
        method: 'POST',
        path,
        headers: { 'content-type': rng.pick(['application/json', 'application/x-www-form-urlencoded', 'text/plain']), ...(cookie ? { cookie } : {}), ...header },
        body: JSON.stringify({ username: 'sam', password: 'correct horse battery staple', conversationId: 'conv-1', available: true }),
        expect: [400, 403],
        mustNotSucceed: true,
      };
    },
  },
  {
    name: 'console: login bodies',
    weight: 2,
    make: (rng) => {
      const kind = rng.int(0, 3);
      const body =
        kind === 0
          ? brokenJson(rng, '{"username":"sam","password":"x"}')
          : kind === 1
            ? JSON.stringify(rng.pick<unknown>([{}, { username: 'sam' }, { password: 'x' }, { username: 5, password: [] }, { username: '', password: '' }, null, [], 'sam']))
            : kind === 2
              ? JSON.stringify({ username: { $ne: null }, password: { $gt: '' } })
              : JSON.stringify({ username: 'sam', password: 'x' }).replace(/\}$/, `,"n":${'['.repeat(100)}${']'.repeat(100)}}`);
      return { category: 'console: malformed sign-in bodies', endpoint: 'POST /api/console/login', method: 'POST', path: '/api/console/login', headers: CONSOLE, body, expect: kind === 3 ? [400, 401, 429] : [400], mustNotSucceed: true };
    },
  },
  {
    name: 'console: wrong passwords',
    weight: 1,
    make: (rng) => ({
      category: 'console: wrong passwords (throttled)',
      endpoint: 'POST /api/console/login',
      method: 'POST',
      path: '/api/console/login',
      headers: CONSOLE,
      body: JSON.stringify({ username: rng.pick(['stella', 'sam', 'ada', 'admin', "' OR 1=1 --", randomUnicode(rng, 10)]), password: rng.pick(['password', "' OR '1'='1", rng.text(20), 'x'.repeat(5000)]) }),
      expect: [401, 429],
      mustNotSucceed: true,
    }),
  },
  {
    name: 'console: bad cookies',
    weight: 4,
    make: (rng) => {
      const target = rng.pick([
        { method: 'GET', path: '/api/console/me' },
        { method: 'POST', path: '/api/console/reauthenticate' },
        { method: 'GET', path: '/api/adviser/state' },
        { method: 'GET', path: '/api/adviser/callbacks' },
        { method: 'POST', path: '/api/adviser/availability' },
        { method: 'GET', path: '/api/staff/report' },
        { method: 'GET', path: '/api/staff/export/totals.csv' },
        { method: 'POST', path: '/api/staff/erase' },
        { method: 'GET', path: '/api/admin/accounts' },
        { method: 'POST', path: '/api/admin/accounts' },
      ]);
      const cookie = consoleCookieJunk(rng);
      return {
        category: 'console: not signed in or forged session cookies',
        endpoint: `${target.method} ${templateOf(target.path)}`,
        ...target,
        headers: { ...CONSOLE, cookie },
        body: target.method === 'POST' ? JSON.stringify({ password: 'x', conversationId: 'abcd' }) : undefined,
        // A cookie header of several KB can exceed Node's header limit (431) first.
        expect: [401, 431],
        mustNotSucceed: true,
      };
    },
  },
  {
    name: 'console: logout junk',
    weight: 1,
    make: (rng) => ({
      category: 'console: sign-out with junk (harmless, always 204)',
      endpoint: 'POST /api/console/logout',
      method: 'POST',
      path: '/api/console/logout',
      headers: { ...CONSOLE, cookie: consoleCookieJunk(rng) },
      body: rng.pick(['', '{}', '[]']),
      expect: [204, 431],
    }),
  },
  {
    name: 'console: wrong role',
    weight: 2,
    make: (rng, ctx) => {
      const adviserAsksStaff = rng.chance(0.5);
      const cookie = adviserAsksStaff ? ctx.cookies.adviser : ctx.cookies.staff;
      const target = adviserAsksStaff
        ? rng.pick([{ method: 'GET', path: '/api/staff/report' }, { method: 'GET', path: '/api/staff/export/unanswered.csv' }, { method: 'POST', path: '/api/staff/erase' }, { method: 'GET', path: '/api/admin/accounts' }, { method: 'POST', path: '/api/admin/accounts/2/role' }])
        : rng.pick([{ method: 'GET', path: '/api/adviser/state' }, { method: 'GET', path: '/api/adviser/events' }, { method: 'POST', path: '/api/adviser/handoffs/1/accept' }, { method: 'POST', path: '/api/admin/accounts/1/password' }]);
      return {
        category: 'console: signed in with the wrong role',
        endpoint: `${target.method} ${templateOf(target.path)}`,
        ...target,
        headers: { ...CONSOLE, cookie },
        body: target.method === 'POST' ? JSON.stringify({ role: 'admin', password: 'a much longer password', conversationId: 'abcd' }) : undefined,
        expect: [403],
        mustNotSucceed: true,
      };
    },
  },
  {
    name: 'adviser: bad input',
    weight: 3,
    make: (rng, ctx) => {
      const id = rng.pick(['0', '-1', '999999', 'abc', '%2e%2e', 'x'.repeat(300), encodeURIComponent("' OR 1=1 --"), '1.5', 'NaN']);
      const target = rng.pick([
        { method: 'POST', path: `/api/adviser/handoffs/${id}/accept`, body: '{}', expect: [404] },
        { method: 'GET', path: `/api/adviser/handoffs/${id}/messages?after=${rng.pick(['x', '-1', '1e999', ''])}`, expect: [404] },
        { method: 'POST', path: `/api/adviser/handoffs/${id}/messages`, body: JSON.stringify({ text: rng.pick<unknown>(['', ' ', 5, null, 'x'.repeat(4001), {}]) }), expect: [400] },
        { method: 'POST', path: `/api/adviser/handoffs/${id}/messages`, body: JSON.stringify({ text: hostileText(rng).slice(0, 3000) || 'x' }), expect: [400, 404] },
        { method: 'POST', path: `/api/adviser/handoffs/${id}/typing`, body: brokenJson(rng, '{}'), expect: [204, 400] },
        { method: 'POST', path: `/api/adviser/handoffs/${id}/end`, body: JSON.stringify({ outcome: rng.pick<unknown>(['', 'Whatever', 5, null, ['Advice given']]) }), expect: [400] },
        { method: 'POST', path: `/api/adviser/handoffs/${id}/end`, body: JSON.stringify({ outcome: 'Other' }), expect: [404] },
        { method: 'POST', path: `/api/adviser/callbacks/${id}/status`, body: JSON.stringify({ status: rng.pick<unknown>(['', 'done', 5, null, {}]) }), expect: [400] },
        { method: 'POST', path: `/api/adviser/callbacks/${id}/status`, body: JSON.stringify({ status: 'closed' }), expect: [404] },
        { method: 'GET', path: `/api/adviser/callbacks/${id}/history`, expect: [200] },
        { method: 'GET', path: `/api/adviser/callbacks?status=${rng.pick(['x', '%00', 'new&status=closed', '__proto__'])}`, expect: [200] },
        { method: 'POST', path: '/api/adviser/availability', body: rng.pick(['{"available":"no"}', '[]', 'null', '{"available":{}}', '']), expect: [204, 400] },
        { method: 'GET', path: '/api/adviser/state?x=1', expect: [200] },
      ]);
      // "%2e%2e" is a dot segment to URL parsing, so ".../callbacks/%2e%2e/status" is routed as "/api/adviser/status",
      // and the router ignores parameters over 100 characters: both are simply no route (404).
      const expect = id === '%2e%2e' || id.length > 100 ? [...target.expect, 404] : target.expect;
      return { category: 'adviser API: bad input while signed in', endpoint: `${target.method} ${templateOf(target.path)}`, method: target.method, path: target.path, headers: { ...CONSOLE, cookie: ctx.cookies.adviser }, body: target.body, expect };
    },
  },
  {
    name: 'adviser: event stream',
    weight: 1,
    make: (rng, ctx) => {
      const who = rng.pick(['adviser', 'staff', 'none', 'junk'] as const);
      const cookie = who === 'adviser' ? ctx.cookies.adviser : who === 'staff' ? ctx.cookies.staff : who === 'junk' ? consoleCookieJunk(rng).slice(0, 500) : '';
      const head = `GET /api/adviser/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}\r\n`;
      return {
        category: who === 'adviser' ? 'adviser events: open, then hang up' : 'adviser events: not allowed',
        endpoint: 'GET /api/adviser/events',
        method: 'GET',
        path: '/api/adviser/events',
        raw: { parts: [head], streaming: true },
        expect: who === 'adviser' ? [200] : who === 'staff' ? [403] : [401],
        mustNotSucceed: who !== 'adviser',
      };
    },
  },
  {
    name: 'staff: bad input',
    weight: 3,
    make: (rng, ctx) => {
      const day = () => rng.pick(['yesterday', '2026-13-01', '2026-02-30', '0000-00-00', '99999-01-01', '2026-1-1', '%00', '2026-12-04T00:00', 'x'.repeat(500)]);
      const target = rng.pick([
        { method: 'GET', path: `/api/staff/report?from=${day()}`, expect: [400] },
        { method: 'GET', path: `/api/staff/report?from=2026-12-05&to=2026-12-01`, expect: [400] },
        { method: 'GET', path: `/api/staff/report?from=1990-01-01&to=2026-12-01`, expect: [400] },
        { method: 'GET', path: `/api/staff/report?from[]=2026-01-01&to[a]=b`, expect: [400] },
        { method: 'GET', path: `/api/staff/unanswered?to=${day()}`, expect: [400] },
        { method: 'GET', path: `/api/staff/export/${rng.pick(['constructor', '__proto__', 'toString', 'hasOwnProperty', '..%2f..%2fpackage.json', 'nope', '%00', 'x'.repeat(200)])}.csv`, expect: [404] },
        { method: 'GET', path: `/api/staff/export/totals.csv?from=${day()}`, expect: [400] },
        { method: 'POST', path: '/api/staff/suggestions', body: JSON.stringify({ entryId: rng.pick<unknown>(['nope', 5, null, '__proto__', 'constructor']), phrasing: 'how do I get my child back' }), expect: [400] },
        { method: 'POST', path: '/api/staff/suggestions', body: brokenJson(rng, '{"entryId":"x","phrasing":"y"}'), expect: [400] },
        // Erasing needs a sign-in from the last 5 minutes; on a slow machine the run may pass that (401).
        { method: 'POST', path: '/api/staff/erase', body: JSON.stringify({ conversationId: rng.pick<unknown>(['', 'abc', 5, null, 'a b c d', 'x'.repeat(300), "'; DROP TABLE analytics_events; --", '\u0000\u0000\u0000\u0000']) }), expect: [400, 401] },
        { method: 'GET', path: '/api/staff/entries?x=1', expect: [200] },
        { method: 'GET', path: '/api/staff/suggestions', expect: [200] },
      ]);
      return { category: 'staff API: bad input while signed in', endpoint: `${target.method} ${templateOf(target.path)}`, method: target.method, path: target.path, headers: { ...CONSOLE, cookie: ctx.cookies.staff }, body: target.body, expect: target.expect };
    },
  },
  {
    name: 'admin: bad input',
    weight: 2,
    make: (rng, ctx) => {
      // Never an id that could be a real account: the test's own accounts are 1 to 3.
      const id = rng.pick(['0', '-1', '999999', 'abc', '1.5', 'NaN', 'Infinity', '9007199254740993', '%20']);
      const badPassword = rng.pick<unknown>(['', 'short', 5, null, {}]);
      const target = rng.pick([
        { method: 'POST', path: '/api/admin/accounts', body: JSON.stringify({ username: rng.pick<unknown>(['', 'x', 5, null, randomUnicode(rng, 30), 'a'.repeat(500)]), displayName: rng.pick<unknown>(['', 5, 'Eve']), role: rng.pick<unknown>(['root', 'admin', 5, null]), password: badPassword }), expect: [400] },
        { method: 'POST', path: '/api/admin/accounts', body: brokenJson(rng, '{"username":"eve","password":"x"}'), expect: [400] },
        { method: 'POST', path: `/api/admin/accounts/${id}/role`, body: JSON.stringify({ role: rng.pick<unknown>(['admin', 'root', 5]) }), expect: [400] },
        { method: 'POST', path: `/api/admin/accounts/${id}/password`, body: JSON.stringify({ password: badPassword }), expect: [400] },
        { method: 'POST', path: `/api/admin/accounts/${id}/disable`, body: '{}', expect: [400] },
      ]);
      // Every admin change needs a sign-in from the last 5 minutes; a slow run may pass that (401).
      return { category: 'admin API: bad input while signed in', endpoint: `${target.method} ${templateOf(target.path)}`, method: target.method, path: target.path, headers: { ...CONSOLE, cookie: ctx.cookies.admin }, body: target.body, expect: [...target.expect, 401] };
    },
  },
  {
    name: 'console: Microsoft sign-in routes',
    weight: 1,
    make: (rng) => {
      const path = rng.pick([
        `/api/console/entra/start?return=${encodeURIComponent(rng.pick(['https://evil.example/', '//evil.example', '/console/staff', 'javascript:alert(1)']))}`,
        `/api/console/entra/callback?code=${rng.text(20)}&state=${rng.text(20)}`,
        `/api/console/entra/callback?error=access_denied&error_description=${safelyEncoded(hostileText(rng).slice(0, 100))}`,
        '/api/console/entra/callback',
      ]);
      // Off unless Entra sign-in is configured (404); when on, it answers by redirecting back to the sign-in page.
      return { category: 'console: Microsoft sign-in routes with junk', endpoint: `GET ${templateOf(path)}`, method: 'GET', path, headers: { cookie: rng.pick(['', `console_entra=${rng.text(40)}`]) }, expect: [302, 303, 400, 401, 403, 404] };
    },
  },
  {
    name: 'console: sign-in options',
    weight: 1,
    make: (rng) => ({ category: 'console: public console routes with junk', endpoint: 'GET /api/console/sign-in-options', method: 'GET', path: `/api/console/sign-in-options?${rng.text(10)}=${rng.text(10)}`, headers: { cookie: consoleCookieJunk(rng).slice(0, 2000) }, expect: [200, 404] }),
  },
];

// ---------------------------------------------------------------------------------------------
// Pages, health, unknown routes

const siteShapes: Shape[] = [
  {
    name: 'static: traversal and look-alikes',
    weight: 4,
    make: (rng, ctx) => {
      const path = staticLookalike(rng, ctx.staticPaths);
      return {
        category: 'static files: path traversal and look-alikes',
        endpoint: 'GET (static files)',
        method: 'GET',
        path,
        expect: [400, 404, 405],
        mustNotSucceed: true,
        check: (o) => (/root:|DIRECTLINE|"dependencies"|SQLite format/.test(o.body) ? 'served something that is not a public file' : undefined),
      };
    },
  },
  {
    name: 'static: real files with junk',
    weight: 2,
    make: (rng, ctx) => {
      // The 4 MB Web Chat bundle is asked for now and then, not hundreds of times.
      const picked = rng.pick(ctx.staticPaths);
      const path = picked.includes('webchat') && !rng.chance(0.1) ? '/chat.js' : picked;
      const headers = rng.pick<Record<string, string>>([{}, { range: 'bytes=9999999-1' }, { 'if-none-match': '*' }, { 'if-modified-since': 'yesterday' }, { accept: 'image/png' }, { 'accept-encoding': 'gzip, br, zstd' }, { cookie: consoleCookieJunk(rng).slice(0, 1000) }]);
      return { category: 'static files: real files, junk query and headers', endpoint: 'GET (static files)', method: 'GET', path: `${path}?${rng.pick(['', '../../etc/passwd', `${rng.text(5)}=${encodedUnicode(rng, 10)}`])}`, headers, expect: [200] };
    },
  },
  {
    name: 'static: methods',
    weight: 1,
    make: (rng, ctx) => ({ category: 'wrong method on a real route', endpoint: 'GET (static files)', method: rng.pick(['POST', 'PUT', 'DELETE', 'OPTIONS']), path: rng.pick(ctx.staticPaths), headers: JSON_TYPE, body: '{}', expect: [405] }),
  },
  {
    name: 'health and widget config',
    weight: 2,
    make: (rng) => {
      const path = rng.pick(['/healthz', '/readyz', '/api/widget-config']);
      const wrong = rng.chance(0.4);
      return {
        category: wrong ? 'wrong method on a real route' : 'health and widget config with junk',
        endpoint: `GET ${path}`,
        method: wrong ? rng.pick(['POST', 'PUT', 'DELETE']) : 'GET',
        path: `${path}?${rng.text(8)}=${rng.text(8)}`,
        headers: wrong ? JSON_TYPE : { accept: rng.pick(['*/*', 'image/png', 'text/nothing', ';;;']) },
        body: wrong ? '{"status":"down"}' : undefined,
        expect: wrong ? [405] : [200],
      };
    },
  },
  {
    name: 'unknown routes',
    weight: 3,
    make: (rng) => {
      const path = rng.pick([
        () => `/${rng.text(rng.int(1, 40))}`,
        () => `/api/${rng.text(8)}`,
        () => `/api/directline/${rng.text(8)}`,
        () => '/v3/directline/tokens/generate',
        () => '/v3/directline/conversations',
        () => '/api/messages/x',
        () => '/api/console/admin',
        () => '/wp-login.php',
        () => '/.well-known/security.txt',
        () => '/server-status',
        () => `/api/directline/conversations/${rng.text(24)}/activities/${rng.text(5)}`,
        () => `/${'a/'.repeat(rng.int(50, 400))}`,
      ])();
      return { category: 'unknown routes', endpoint: '(unknown routes)', method: rng.pick(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']), path, headers: JSON_TYPE, body: '{}', expect: [404, 405] };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// HTTP itself: what browsers never send

const H = 'Host: 127.0.0.1\r\n';

const transportShapes: Shape[] = [
  {
    name: 'http: malformed request lines and headers',
    weight: 4,
    make: (rng) => {
      const bytes = rng.pick([
        `GET http://[ HTTP/1.1\r\n${H}\r\n`,
        `GET http://localhost/healthz HTTP/1.1\r\n${H}\r\n`,
        `OPTIONS * HTTP/1.1\r\n${H}\r\n`,
        `GET /a b HTTP/1.1\r\n${H}\r\n`,
        `GET /heal\u0000thz HTTP/1.1\r\n${H}\r\n`,
        `GET /healthz HTTP/1.1\r\n${H}X-A: a\u0001b\r\n\r\n`,
        `GET /healthz HTTP/1.1\r\n\r\n`,
        `GET /healthz HTTP/1.1\n${H.replace('\r', '')}\n`,
        `PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n`,
        `GET /healthz HTTP/9.9\r\n${H}\r\n`,
        `GET /api/messages\r\n\r\n`,
        `\r\n\r\n\r\n`,
        `GET /healthz HTTP/1.1\r\n${H}Bad Header: x\r\n\r\n`,
        `GET /healthz HTTP/1.1\r\n${H} folded: x\r\n\r\n`,
        `GET /%E0%A4%A HTTP/1.1\r\n${H}\r\n`,
        `GET /%ZZ HTTP/1.1\r\n${H}\r\n`,
        `GET //evil.example/healthz HTTP/1.1\r\n${H}\r\n`,
        `POST /api/messages HTTP/1.1\r\n${H}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
        `POST /api/messages HTTP/1.1\r\n${H}Content-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef`,
        `POST /api/messages HTTP/1.1\r\n${H}Content-Length: -1\r\n\r\n`,
        `POST /api/messages HTTP/1.1\r\n${H}Content-Length: 99999999999999999999\r\n\r\n`,
        `POST /api/messages HTTP/1.1\r\n${H}Content-Length: 1e3\r\n\r\n`,
        `POST /api/messages HTTP/1.1\r\n${H}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`,
        `POST /api/messages HTTP/1.1\r\n${H}Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n`,
        `BLAH /healthz HTTP/1.1\r\n${H}\r\n`,
        rng.bytes(rng.int(1, 400)),
        Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03]),
      ]);
      return { category: 'http: malformed request lines, headers and framing', endpoint: '(any)', method: 'RAW', path: '-', raw: { parts: [bytes], hangUpAfterMs: 1500 }, expect: [400, 404, 405, 413, 415, 501, 505, 0] };
    },
  },
  {
    name: 'http: bad Host headers',
    weight: 4,
    make: (rng) => {
      const host = rng.pick(['[', 'a b', 'localhost:99999', 'localhost:65536', '[1:2:3]', '[::1.2.3.999]', '[:::]', 'xn--', 'xn--a', '1.2.3.4.5', '999.1.1.1', '1.2.3.256', '0xffffffffff', '4294967296', '[::1]:99999', 'evil.example/x', 'a@b', '', 'éé', 'localhost:', 'localhost:-1', `${'a'.repeat(300)}`]);
      const path = rng.pick(['/healthz', '/api/directline/token', '/api/messages', '/', '/api/console/me']);
      const method = path.startsWith('/api/directline') || path === '/api/messages' ? 'POST' : 'GET';
      // Hosts that are merely odd (a long name) are fine; the rest must be refused, never crash the process.
      const odd = host === 'a'.repeat(300);
      return {
        category: 'http: bad Host headers',
        endpoint: '(any)',
        method,
        path,
        raw: { parts: [`${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`] },
        expect: odd ? [200, 201, 400, 401, 404] : [400],
      };
    },
  },
  {
    name: 'http: very long URLs and headers',
    weight: 2,
    make: (rng) => {
      const kind = rng.int(0, 3);
      const bytes =
        kind === 0
          ? `GET /${'a'.repeat(rng.int(4097, 15000))} HTTP/1.1\r\n${H}\r\n`
          : kind === 1
            ? `GET /healthz?${'q='.repeat(rng.int(3000, 40000))} HTTP/1.1\r\n${H}\r\n`
            : kind === 2
              ? `GET /healthz HTTP/1.1\r\n${H}X-Long: ${'a'.repeat(rng.int(17000, 80000))}\r\n\r\n`
              : `GET /healthz HTTP/1.1\r\n${H}${Array.from({ length: rng.int(2000, 4000) }, (_, i) => `X-${i}: 1\r\n`).join('')}\r\n`;
      // Thousands of tiny headers can still fit in Node's 16 KB (it keeps the first 2,000): then it is just a health check.
      return { category: 'http: very long URLs and headers', endpoint: '(any)', method: 'RAW', path: '-', raw: { parts: [bytes] }, expect: kind === 3 ? [200, 400, 431] : [400, 414, 431] };
    },
  },
  {
    name: 'http: unusual methods',
    weight: 1,
    make: (rng) => {
      const method = rng.pick(['PATCH', 'TRACE', 'PROPFIND', 'MKCOL', 'LOCK', 'PURGE', 'SEARCH', 'COPY', 'MOVE', 'REPORT', 'LINK', 'QUERY']);
      return { category: 'http: methods nobody uses here', endpoint: '(any)', method: 'RAW', path: '-', raw: { parts: [`${method} ${rng.pick(['/', '/api/messages', '/api/directline/token', '/healthz'])} HTTP/1.1\r\n${H}Content-Length: 0\r\n\r\n`] }, expect: [400, 405] };
    },
  },
  {
    name: 'http: CONNECT',
    weight: 1,
    make: () => ({ category: 'http: CONNECT (the server just hangs up)', endpoint: '(any)', method: 'RAW', path: '-', raw: { parts: [`CONNECT 127.0.0.1:22 HTTP/1.1\r\n${H}\r\n`] }, expect: [0, 400, 405] }),
  },
  {
    name: 'http: upgrade on ordinary paths',
    weight: 3,
    make: (rng) => {
      const path = rng.pick(['/api/messages', '/healthz', '/', '/api/directline/token', '/api/adviser/events', '/api/directline/conversations/abcdefghijkl/stream/x', '//x']);
      const upgrade = rng.pick(['websocket', 'h2c', 'TLS/1.0', 'x', '']);
      const method = rng.pick(['GET', 'POST']);
      return {
        category: 'http: Upgrade requests on ordinary paths',
        endpoint: '(any)',
        method: 'RAW',
        path: '-',
        raw: { parts: [`${method} ${path} HTTP/1.1\r\n${H}Connection: Upgrade\r\nUpgrade: ${upgrade}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nContent-Length: 2\r\n\r\n{}`] },
        // An empty Upgrade value is not an upgrade at all, so the request is answered normally.
        expect: upgrade === '' ? [200, 400, 404, 405, 401] : [400],
      };
    },
  },
  {
    name: 'http: Expect headers',
    weight: 1,
    make: (rng) => {
      const kind = rng.int(0, 2);
      const bytes =
        kind === 0
          ? `POST /api/messages HTTP/1.1\r\n${H}Expect: 100-continue\r\nContent-Length: 999999999\r\n\r\n`
          : kind === 1
            ? `POST /api/messages HTTP/1.1\r\n${H}Expect: ${rng.pick(['something', '200-ok', 'x'])}\r\nContent-Length: 2\r\n\r\n{}`
            : `POST /api/messages HTTP/1.1\r\n${H}Expect: 100-continue\r\nContent-Encoding: gzip\r\nContent-Length: 10\r\n\r\n`;
      return { category: 'http: Expect headers', endpoint: '(any)', method: 'RAW', path: '-', raw: { parts: [bytes] }, expect: kind === 0 ? [413] : kind === 1 ? [417] : [415] };
    },
  },
  {
    name: 'http: clients that hang up',
    weight: 2,
    make: (rng, ctx) => {
      const mine = session(rng, ctx);
      const target = rng.pick([
        `POST /api/messages HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"type":"mess`,
        `POST ${DL}/conversations/${mine.conversationId}/activities HTTP/1.1\r\n${H}Authorization: Bearer ${mine.token}\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{"type":"message","text":"hel`,
        `POST /api/console/login HTTP/1.1\r\n${H}Content-Type: application/json\r\nX-Console-Request: 1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{"username":"sa`,
        `GET /healthz HTTP/1.1\r\n${H}X-Half: `,
        // (With no Content-Type restify never reads the body, and a route that needs none answers at once.)
        `POST ${DL}/token HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user":`,
      ]);
      return { category: 'http: clients that hang up mid-request', endpoint: '(any)', method: 'RAW', path: '-', raw: { parts: [target], hangUpAfterMs: rng.int(0, 40) }, expect: [0] };
    },
  },
];

export const SHAPES: readonly Shape[] = [...messagesShapes, ...directLineShapes, ...consoleShapes, ...siteShapes, ...transportShapes];

/** A path with its concrete ids put back as the route's parameters, for matching against registered routes. */
export function templateOf(path: string): string {
  const bare = path.split('?')[0];
  return bare
    .replace(/^\/api\/adviser\/(handoffs|callbacks)\/[^/]+/, '/api/adviser/$1/:id')
    .replace(/^\/api\/admin\/accounts\/[^/]+/, '/api/admin/accounts/:id')
    .replace(/^\/api\/staff\/export\/[^/]+/, '/api/staff/export/:table');
}

/**
 * Deals requests: every shape once first (so each is covered even in a short run), then by weight.
 * Generation uses only the seeded generator and the context, so a seed repeats the same requests.
 */
export function dealRequests(rng: Rng, ctx: FaultContext, count: number, shapes: readonly Shape[] = SHAPES): () => FaultRequest | undefined {
  const total = shapes.reduce((sum, s) => sum + s.weight, 0);
  let dealt = 0;
  return () => {
    if (dealt >= count) return undefined;
    const shape = dealt < shapes.length ? shapes[dealt] : weighted(rng, shapes, total);
    dealt += 1;
    return shape.make(rng, ctx);
  };
}

function weighted(rng: Rng, shapes: readonly Shape[], total: number): Shape {
  let roll = rng.next() * total;
  for (const shape of shapes) {
    roll -= shape.weight;
    if (roll < 0) return shape;
  }
  return shapes[shapes.length - 1];
}
