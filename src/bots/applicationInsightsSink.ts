import { AnalyticsEvent, AnalyticsSink } from '../analytics/analyticsEvent';
import { toTelemetryEvent } from '../analytics/telemetryEvents';

interface AutoCollect {
  setAutoCollectRequests(on: boolean): AutoCollect;
  setAutoCollectDependencies(on: boolean): AutoCollect;
  setAutoCollectConsole(on: boolean, collectConsoleLog?: boolean): AutoCollect;
}

/**
 * Sends analytics events to Application Insights through botbuilder's telemetry client, in
 * botbuilder's standard event names. Loaded only when a connection string is set, so local runs
 * never start the Application Insights SDK.
 */
export function createApplicationInsightsSink(connectionString: string): AnalyticsSink & { flush(): Promise<void> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ApplicationInsightsTelemetryClient } = require('botbuilder-applicationinsights') as typeof import('botbuilder-applicationinsights');
  const client = new ApplicationInsightsTelemetryClient(connectionString);
  // Request and dependency telemetry would carry URLs, and the Direct Line stream URL holds a token.
  // `configuration` is the SDK's Configuration class (static setters), though its type says instance.
  const configuration = client.configuration as unknown as AutoCollect;
  configuration.setAutoCollectRequests(false).setAutoCollectDependencies(false).setAutoCollectConsole(false, false);
  return {
    flush: () => new Promise((resolve) => client.defaultClient.flush({ callback: () => resolve() })),
    record(event: AnalyticsEvent) {
      const telemetry = toTelemetryEvent(event);
      client.trackEvent({ name: telemetry.name, properties: { ...telemetry.properties }, metrics: telemetry.metrics ? { ...telemetry.metrics } : undefined });
    },
  };
}
