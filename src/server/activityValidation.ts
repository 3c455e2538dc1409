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
  if (!isPlainObject(conversation) || typeof conversation.id !== 'string' || !ID_PATTERN.test(conversation.id)) {
    return fail('"conversation.id" must be a string of printable characters');
  }
  if (activity.id !== undefined && (typeof activity.id !== 'string' || !ID_PATTERN.test(activity.id))) return fail('"id" must be a string');
  if (typeof activity.channelId !== 'string' || !ID_PATTERN.test(activity.channelId)) return fail('"channelId" must be a string');
  if (typeof activity.serviceUrl !== 'string' || activity.serviceUrl.length > 2048) return fail('"serviceUrl" must be a URL');
  if (localOnlyServiceUrls && !isLoopbackUrl(activity.serviceUrl)) {
    return fail('in local mode "serviceUrl" must be on this machine (localhost or 127.0.0.1)');
  }
  // The reply's conversation reference is built from these fields, and the connector client refuses
  // to serialise one whose strings are not strings: the turn would fail after the bot had run.
  const conversationProblem = accountProblem('conversation', conversation, ['id', 'name', 'conversationType', 'tenantId', 'role', 'aadObjectId']);
  if (conversationProblem) return fail(conversationProblem);
  if (!optional(conversation.isGroup, 'boolean')) return fail('"conversation.isGroup" must be true or false');
  for (const field of ['from', 'recipient'] as const) {
    const account = activity[field];
    if (account === undefined) continue;
    if (!isPlainObject(account)) return fail(`"${field}" must be an object with a string "id"`);
    const problem = accountProblem(field, account, ['id', 'name', 'role', 'aadObjectId']);
    if (problem) return fail(problem);
  }
  for (const field of ['text', 'locale', 'name', 'textFormat', 'replyToId'] as const) {
    if (!optional(activity[field], 'string')) return fail(`"${field}" must be a string`);
  }
  if (activity.type === 'invoke' && !invokeValueReadable(activity)) return fail(`the value of a "${String(activity.name)}" invoke must be an object with the fields it needs`);
  const listProblem = validateActivityLists(activity);
  if (listProblem) return fail(listProblem);
  if (exceedsDepth(activity)) return fail(`the activity is nested more than ${MAX_JSON_DEPTH} levels deep`);
  return { ok: true };
}

/**
 * The lists in an activity must hold objects: the bot reads members' ids (a null member ended the
 * turn with a TypeError) and channels expect attachments and entities to be objects. Shared with the
 * Direct Line gateway, which must never forward what this endpoint would refuse.
 */
export function validateActivityLists(activity: Record<string, unknown>): string | undefined {
  for (const field of ['attachments', 'entities', 'membersAdded', 'membersRemoved'] as const) {
    const list = activity[field];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list) || !list.every(isPlainObject)) return `"${field}" must be a list of objects`;
    if (field.startsWith('members') && !list.every((member) => optional(member.id, 'string'))) return `"${field}" must be a list of accounts with string ids`;
  }
  const attachments = (activity.attachments ?? []) as Array<Record<string, unknown>>;
  for (const attachment of attachments) {
    for (const key of ['contentType', 'contentUrl', 'name', 'thumbnailUrl'] as const) {
      if (!optional(attachment[key], 'string')) return `"attachments[].${key}" must be a string`;
    }
  }
  return undefined;
}

/**
 * botbuilder's ActivityHandler reads the value of these invokes itself, before any bot code, without
 * checking it: "adaptiveCard/action" with no value.action failed the turn with a TypeError (logged as
 * an error, answered 501) instead of botbuilder's own 400.
 */
function invokeValueReadable(activity: Record<string, unknown>): boolean {
  const value = activity.value as Record<string, unknown> | undefined;
  if (activity.name === 'adaptiveCard/action') return isPlainObject(value) && isPlainObject(value.action);
  if (activity.name === 'application/search') return isPlainObject(value);
  return true;
}

function accountProblem(field: string, account: Record<string, unknown>, stringKeys: readonly string[]): string | undefined {
  const wrong = stringKeys.find((key) => !optional(account[key], 'string'));
  return wrong ? `"${field}.${wrong}" must be a string` : undefined;
}

/** Absent, null, or of the given type. */
function optional(value: unknown, type: 'string' | 'boolean'): boolean {
  return value === undefined || value === null || typeof value === type;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(problem: string): ValidationResult {
  return { ok: false, problem };
}
