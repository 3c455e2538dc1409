import { TurnContext } from 'botbuilder';
import { AnalyticsEventData, AnalyticsSink } from '../analytics/analyticsEvent';
import { HandoffDesk, Origin } from '../handoff/handoffDesk';
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
  // Each change is counted by the instance where it happened; the others only hear of it.
  const onAccepted = (handoff: Handoff, origin: Origin) => origin === 'here' && accepted(handoff);
  const onEnded = (handoff: Handoff, origin: Origin) => origin === 'here' && ended(handoff);
  desk.on('accepted', onAccepted);
  desk.on('ended', onEnded);
  return () => {
    desk.off('accepted', onAccepted);
    desk.off('ended', onEnded);
  };
}
