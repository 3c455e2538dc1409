/**
 * What the bot records for staff, one kind of event per thing a person did or was shown. `text`
 * fields are always redacted by the event store before they are written; nothing else here can
 * hold what a person typed.
 */
export type AnalyticsEventData =
  | { readonly type: 'conversationStarted' }
  | { readonly type: 'messageReceived'; readonly text: string; readonly length: number; readonly duringHandoff: boolean }
  | { readonly type: 'answerGiven'; readonly entryId: string; readonly topic: string; readonly confidence: number }
  | { readonly type: 'clarifyShown'; readonly text: string; readonly candidates: readonly string[]; readonly topic: string | null; readonly confidence: number }
  | { readonly type: 'fallback'; readonly text: string; readonly outOfScope: boolean; readonly confidence: number }
  | { readonly type: 'dialogStarted'; readonly dialog: string }
  | { readonly type: 'dialogStep'; readonly dialog: string; readonly step: string; readonly stepIndex: number }
  | { readonly type: 'dialogCompleted'; readonly dialog: string }
  | { readonly type: 'dialogAbandoned'; readonly dialog: string; readonly step: string | null }
  | { readonly type: 'crisisSignposted'; readonly categories: readonly string[] }
  | { readonly type: 'handoffRequested'; readonly open: boolean; readonly advisersAvailable: boolean; readonly result: 'queued' | 'closed' | 'busy' }
  | { readonly type: 'handoffAccepted'; readonly waitSeconds: number }
  | { readonly type: 'handoffEnded'; readonly durationSeconds: number | null; readonly outcome: string | null; readonly endedBy: string }
  | { readonly type: 'callbackRequested'; readonly topic: string | null }
  | { readonly type: 'feedback'; readonly about: 'answer' | 'handoff'; readonly helpful: boolean; readonly entryId: string | null }
  | { readonly type: 'quickExit' };

export type AnalyticsEventType = AnalyticsEventData['type'];

export interface AnalyticsEvent {
  readonly conversationId: string;
  readonly channel: string;
  readonly at: Date;
  readonly data: AnalyticsEventData;
}

/** Where events go: the SQLite store, and Application Insights when configured. */
export interface AnalyticsSink {
  record(event: AnalyticsEvent): void;
}
