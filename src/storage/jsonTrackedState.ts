import { ConversationState, Storage, TurnContext, UserState } from 'botbuilder';
import { writeWithKnownJson } from './storeItemJson';

/** What BotState caches for a turn under its stateKey: the state, and what it was when read or last saved. */
interface CachedState {
  state: Record<string, unknown>;
  hash: string;
}

/** The state as storage keeps it (JSON without its eTag), or undefined when it cannot be serialised. */
function jsonOf(state: Record<string, unknown>): string | undefined {
  const { eTag: _eTag, ...value } = state;
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * The parts of a BotState these helpers need. `stateKey` is private in BotState's typings but must be
 * the same key: get(), clear() and delete() read and replace the cached state under it.
 */
interface StateParts {
  readonly storage: Storage;
  readonly stateKey: symbol;
  readonly storageKey: (context: TurnContext) => Promise<string> | string;
}

/**
 * BotState decides whether to save by hashing the state (a replacer-driven stringify and SHA-256)
 * when it is read, at every save, and again after each write; the storage then serialises it once
 * more. A turn here saves conversation state up to three times (the outbox, the turn, the cleared
 * outbox), so that was several serialisations of some kilobytes per turn. These keep the state's
 * JSON text instead: compared as text to see whether it changed, and handed to the storage so it
 * is not serialised again. Same behaviour otherwise: a state that did not change is not written, and
 * it is written with eTag '*' (turns of one conversation are serialised by the turn lock).
 */
async function loadTracked(parts: StateParts, context: TurnContext, force: boolean): Promise<Record<string, unknown>> {
  const cached = context.turnState.get(parts.stateKey) as CachedState | undefined;
  if (!force && cached?.state) return cached.state;
  const key = await parts.storageKey(context);
  const items = await parts.storage.read([key]);
  const state = (items[key] ?? {}) as Record<string, unknown>;
  context.turnState.set(parts.stateKey, { state, hash: jsonOf(state) ?? '' });
  return state;
}

async function saveTracked(parts: StateParts, context: TurnContext, force: boolean): Promise<void> {
  let cached = context.turnState.get(parts.stateKey) as CachedState | undefined;
  if (!cached && !force) return;
  cached ??= { state: {}, hash: '' };
  const key = await parts.storageKey(context);
  const json = jsonOf(cached.state);
  if (!force && json !== undefined && json === cached.hash) return;
  cached.state.eTag = '*';
  const changes = { [key]: cached.state };
  // A state that cannot be serialised is left to the storage, which refuses it with a clear error.
  await (json === undefined ? parts.storage.write(changes) : writeWithKnownJson(cached.state, json, () => parts.storage.write(changes)));
  cached.hash = json ?? '';
  context.turnState.set(parts.stateKey, cached);
}

export class JsonTrackedConversationState extends ConversationState {
  override load(context: TurnContext, force = false): Promise<any> {
    return loadTracked(this.parts(), context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveTracked(this.parts(), context, force);
  }

  private parts(): StateParts {
    return { storage: this.storage, stateKey: (this as unknown as { stateKey: symbol }).stateKey, storageKey: this.storageKey };
  }
}

export class JsonTrackedUserState extends UserState {
  override load(context: TurnContext, force = false): Promise<any> {
    return loadTracked(this.parts(), context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveTracked(this.parts(), context, force);
  }

  private parts(): StateParts {
    return { storage: this.storage, stateKey: (this as unknown as { stateKey: symbol }).stateKey, storageKey: this.storageKey };
  }
}
