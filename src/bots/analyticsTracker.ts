import { TurnContext } from 'botbuilder';
import { AnalyticsEventData, AnalyticsSink } from '../analytics/analyticsEvent';
import { HandoffDesk } from '../handoff/handoffDesk';
import { Handoff } from '../handoff/handoffTypes';

/** Records an analytics event for the conversation of this turn. */
export type Track = (context: TurnContext, data: AnalyticsEventData) => void;

export function createTracker(sink: AnalyticsSink, now: () => Date): Track {
  return (context, data) =>
    sink.record({ conversationId: context.activity.conversation?.id ?? '', channel: context.activity.channelId ?? '', at: now(), data });
}

/** Hand-off events that happen on the adviser's side, outside the person's turns. */
export function trackHandoffs(desk: HandoffDesk, sink: AnalyticsSink, now: () => Date): () => void {
  const channelOf = (handoff: Handoff) => String((handoff.conversationRef as { channelId?: string } | null)?.channelId ?? '');
  const seconds = (from: string | null, to: string | null) => (from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : null);
  const accepted = (handoff: Handoff) =>
    sink.record({ conversationId: handoff.conversationId, channel: channelOf(handoff), at: now(), data: { type: 'handoffAccepted', waitSeconds: seconds(handoff.requestedAt, handoff.acceptedAt) ?? 0 } });
  const ended = (handoff: Handoff) =>
    sink.record({
      conversationId: handoff.conversationId,
      channel: channelOf(handoff),
      at: now(),
      data: { type: 'handoffEnded', durationSeconds: seconds(handoff.acceptedAt, handoff.endedAt), outcome: handoff.outcome, endedBy: handoff.endedBy ?? 'unknown' },
    });
  desk.on('accepted', accepted);
  desk.on('ended', ended);
  return () => {
    desk.off('accepted', accepted);
    desk.off('ended', ended);
  };
}
