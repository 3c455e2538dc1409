/**
 * CloudAdapter answers 500 to malformed activities and the stack overflows saving very deeply
 * nested channelData (STACK.md, measured). Checking the shape first turns those into clear 400s.
 */
export const MAX_JSON_DEPTH = 32;

const ID_PATTERN = /^[\x21-\x7e]{1,256}$/; // printable ASCII: conversation ids end up in HTTP headers and URLs
const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9/_.-]{0,63}$/;

export type ValidationResult = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Depth of nested objects/arrays, stopping early once past the limit (no recursion, so no stack overflow). */
export function exceedsDepth(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(current as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

export function isLoopbackUrl(url: string): boolean {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return false;
    return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
  } catch {
    return false;
  }
}

/** `localOnlyServiceUrls`: in local mode nobody is authenticated, so replies may only go to this machine (no open relay). */
export function validateIncomingActivity(body: unknown, localOnlyServiceUrls: boolean): ValidationResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return fail('the body must be a JSON object (an activity)');
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || !TYPE_PATTERN.test(activity.type)) return fail('"type" must be a short string such as "message"');
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation !== 'object' || typeof conversation.id !== 'string' || !ID_PATTERN.test(conversation.id)) {
    return fail('"conversation.id" must be a string of printable characters');
  }
  if (activity.id !== undefined && (typeof activity.id !== 'string' || !ID_PATTERN.test(activity.id))) return fail('"id" must be a string');
  if (typeof activity.channelId !== 'string' || !ID_PATTERN.test(activity.channelId)) return fail('"channelId" must be a string');
  if (typeof activity.serviceUrl !== 'string' || activity.serviceUrl.length > 2048) return fail('"serviceUrl" must be a URL');
  if (localOnlyServiceUrls && !isLoopbackUrl(activity.serviceUrl)) {
    return fail('in local mode "serviceUrl" must be on this machine (localhost or 127.0.0.1)');
  }
  for (const field of ['from', 'recipient'] as const) {
    const account = activity[field] as Record<string, unknown> | undefined;
    if (account !== undefined && (typeof account !== 'object' || account === null || (account.id !== undefined && typeof account.id !== 'string'))) {
      return fail(`"${field}" must be an object with a string "id"`);
    }
  }
  if (activity.text !== undefined && activity.text !== null && typeof activity.text !== 'string') return fail('"text" must be a string');
  if (activity.attachments !== undefined && !Array.isArray(activity.attachments)) return fail('"attachments" must be a list');
  if (exceedsDepth(activity)) return fail(`the activity is nested more than ${MAX_JSON_DEPTH} levels deep`);
  return { ok: true };
}

function fail(problem: string): ValidationResult {
  return { ok: false, problem };
}
