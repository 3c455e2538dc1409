import { AnalyticsEvent } from './analyticsEvent';

export interface TelemetryEvent {
  readonly name: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly metrics?: Readonly<Record<string, number>>;
}

/**
 * An analytics event in the names botbuilder's own telemetry uses (TelemetryLoggerMiddleware and
 * WaterfallDialog: BotMessageReceived, WaterfallStart, WaterfallStep, WaterfallComplete,
 * WaterfallCancel, with channelId, conversationId, DialogId, StepName), so Microsoft's ready-made
 * Application Insights workbooks and queries work unchanged. As with logPersonalInformation off,
 * no text, user id or name is sent for messages; other events carry only redacted text.
 */
export function toTelemetryEvent(event: AnalyticsEvent): TelemetryEvent {
  const base = { channelId: event.channel, conversationId: event.conversationId };
  const data = event.data;
  switch (data.type) {
    case 'messageReceived':
      return { name: 'BotMessageReceived', properties: { ...base, type: 'message', duringHandoff: String(data.duringHandoff) }, metrics: { length: data.length } };
    case 'dialogStarted':
      return { name: 'WaterfallStart', properties: { ...base, DialogId: data.dialog } };
    case 'dialogStep':
      return { name: 'WaterfallStep', properties: { ...base, DialogId: data.dialog, StepName: data.step } };
    case 'dialogCompleted':
      return { name: 'WaterfallComplete', properties: { ...base, DialogId: data.dialog } };
    case 'dialogAbandoned':
      return { name: 'WaterfallCancel', properties: { ...base, DialogId: data.dialog, StepName: data.step ?? '' } };
    default: {
      const { type, ...rest } = data;
      const properties: Record<string, string> = { ...base };
      const metrics: Record<string, number> = {};
      for (const [key, value] of Object.entries(rest)) {
        if (typeof value === 'number') metrics[key] = value;
        else if (value !== null && value !== undefined) properties[key] = Array.isArray(value) ? value.join(',') : String(value);
      }
      return { name: `Advice${type.charAt(0).toUpperCase()}${type.slice(1)}`, properties, metrics };
    }
  }
}
