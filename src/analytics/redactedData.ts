import { AnalyticsEventData } from './analyticsEvent';
import { redact } from './redact';

/** Event data made by `redactedData` below: its text is already redacted. Nothing else can be added. */
const alreadyRedacted = new WeakSet<AnalyticsEventData>();

/**
 * The event data with its `text`, if it has one, redacted. The redacting sink and the store both
 * ask, so every path to storage redacts; data this function made is returned as it is, so a text
 * passing through both is redacted once (redaction is a large part of a turn's CPU).
 */
export function redactedData(data: AnalyticsEventData, conversationId = ''): AnalyticsEventData {
  if (!('text' in data) || alreadyRedacted.has(data)) return data;
  const clean = Object.freeze({ ...data, text: redactedText(data.text, conversationId) });
  alreadyRedacted.add(clean);
  return clean;
}

/**
 * One message is often in two events of its turn ("messageReceived", then "fallback" or
 * "clarifyShown"): its redacted text is reused within the conversation until the turn yields, then
 * forgotten, so no raw message outlives the turn that brought it here.
 */
const thisTurn = new Map<string, string>();

function redactedText(text: string, conversationId: string): string {
  const key = `${conversationId}\u0000${text}`;
  let clean = thisTurn.get(key);
  if (clean === undefined) {
    clean = redact(text).text;
    if (thisTurn.size === 0) setImmediate(() => thisTurn.clear());
    thisTurn.set(key, clean);
  }
  return clean;
}
