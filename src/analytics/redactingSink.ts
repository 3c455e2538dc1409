import { AnalyticsEvent, AnalyticsSink } from './analyticsEvent';
import { redactedData } from './redactedData';

/** Redacts an event's text once, then hands it to every sink (the store, Application Insights). */
export function redactingSink(sinks: readonly AnalyticsSink[]): AnalyticsSink {
  return {
    record(event: AnalyticsEvent) {
      const data = redactedData(event.data, event.conversationId);
      for (const sink of sinks) sink.record({ ...event, data });
    },
  };
}
