import { AnalyticsEvent, AnalyticsSink } from './analyticsEvent';
import { redact } from './redact';

/** Redacts an event's text once, then hands it to every sink (the store, Application Insights). */
export function redactingSink(sinks: readonly AnalyticsSink[]): AnalyticsSink {
  return {
    record(event: AnalyticsEvent) {
      const data = 'text' in event.data ? { ...event.data, text: redact(event.data.text).text } : event.data;
      for (const sink of sinks) sink.record({ ...event, data });
    },
  };
}
