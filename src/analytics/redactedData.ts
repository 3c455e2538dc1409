import { AnalyticsEventData } from './analyticsEvent';
import { redact } from './redact';

/** Event data made by `redactedData` below: its text is already redacted. Nothing else can be added. */
const alreadyRedacted = new WeakSet<AnalyticsEventData>();

/**
 * The event data with its `text`, if it has one, redacted. The redacting sink and the store both
 * ask, so every path to storage redacts; data this function made is returned as it is, so a text
 * passing through both is redacted once (redaction is a large part of a turn's CPU).
 */
export function redactedData(data: AnalyticsEventData): AnalyticsEventData {
  if (!('text' in data) || alreadyRedacted.has(data)) return data;
  const clean = Object.freeze({ ...data, text: redact(data.text).text });
  alreadyRedacted.add(clean);
  return clean;
}
