import type { AdviserPresence } from './handoffDesk';

/**
 * What one instance tells the others about a change on the live-chat desk. Ids only, never anybody's
 * words: each instance reads the change itself from the shared store.
 */
export type DeskSignal =
  | { readonly kind: 'queueChanged' }
  | { readonly kind: 'accepted' | 'ended' | 'stillThere'; readonly handoffId: string }
  | { readonly kind: 'userMessage' | 'adviserMessage'; readonly handoffId: string; readonly messageId: number }
  | { readonly kind: 'typing'; readonly handoffId: string; readonly from: 'user' | 'adviser' }
  /** The advisers whose consoles are connected to the sending instance, sent on change and every sweep. */
  | { readonly kind: 'presence'; readonly advisers: readonly AdviserPresence[] }
  /** A new instance asks the others for their presence at once, rather than at their next sweep. */
  | { readonly kind: 'presenceWanted' }
  /** The sender may have missed signals (its link to the others was down): everyone reloads. */
  | { readonly kind: 'resync' };

/** A signal as received: which instance sent it. */
export interface ReceivedSignal {
  readonly from: string;
  readonly signal: DeskSignal;
}

/**
 * Carries desk signals between the instances that share one database, in the order each instance
 * sent them. With one instance there is none (the desk's own events are all there is).
 */
export interface DeskBroadcast {
  /** This instance, as other instances see it. */
  readonly instanceId: string;
  publish(signal: DeskSignal): void;
  /** `received` for every other instance's signal; `missed` when this instance may have missed some (then reload). */
  listen(handlers: { readonly received: (signal: ReceivedSignal) => void; readonly missed: () => void }): void;
  close(): Promise<void>;
}

const KINDS = new Set(['queueChanged', 'accepted', 'ended', 'stillThere', 'userMessage', 'adviserMessage', 'typing', 'presence', 'presenceWanted', 'resync']);

/** Parses a signal from the wire; undefined for anything malformed (it is ignored, never trusted). */
export function readSignal(payload: string): ReceivedSignal | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { from, signal } = parsed as { from?: unknown; signal?: unknown };
  if (typeof from !== 'string' || typeof signal !== 'object' || signal === null) return undefined;
  const s = signal as Record<string, unknown>;
  if (typeof s.kind !== 'string' || !KINDS.has(s.kind)) return undefined;
  if ('handoffId' in s && typeof s.handoffId !== 'string') return undefined;
  if (['accepted', 'ended', 'stillThere', 'userMessage', 'adviserMessage', 'typing'].includes(s.kind) && typeof s.handoffId !== 'string') return undefined;
  if ((s.kind === 'userMessage' || s.kind === 'adviserMessage') && !Number.isSafeInteger(s.messageId)) return undefined;
  if (s.kind === 'typing' && s.from !== 'user' && s.from !== 'adviser') return undefined;
  if (s.kind === 'presence' && !(Array.isArray(s.advisers) && s.advisers.every(isPresence))) return undefined;
  return { from, signal: signal as DeskSignal };
}

function isPresence(value: unknown): value is AdviserPresence {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return Number.isSafeInteger(p.accountId) && typeof p.displayName === 'string' && typeof p.available === 'boolean' && Number.isSafeInteger(p.connections);
}
