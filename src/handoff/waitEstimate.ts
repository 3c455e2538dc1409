/** What the queue looks like to someone waiting in it. */
export interface QueueSnapshot {
  /** 1 for the person at the front. */
  readonly position: number;
  readonly advisersAvailable: number;
  readonly chatsPerAdviser: number;
  /** Live chats the available advisers already have. */
  readonly liveChats: number;
  /** Recent live-chat lengths in minutes; empty until there are some. */
  readonly recentChatMinutes: readonly number[];
}

/** Until real chats have been timed, assume a typical advice conversation. */
const DEFAULT_CHAT_MINUTES = 15;

/**
 * A realistic wait in whole minutes, rounded up to 5: the person at position p waits for
 * (p - free places) chats to finish, spread across every place the available advisers have.
 * 0 means an adviser has room now.
 */
export function estimateWaitMinutes(queue: QueueSnapshot): number {
  const places = Math.max(1, queue.advisersAvailable * queue.chatsPerAdviser);
  const free = Math.max(0, places - queue.liveChats);
  if (queue.position <= free) return 0;
  const chatsAhead = queue.position - free;
  const minutes = Math.ceil(chatsAhead / places) * median(queue.recentChatMinutes, DEFAULT_CHAT_MINUTES);
  return Math.ceil(minutes / 5) * 5;
}

/** "about 10 minutes", or a reassuring phrase when nobody is ahead. */
export function describeWait(minutes: number): string {
  if (minutes <= 0) return 'an adviser should be with you in a minute or two';
  if (minutes >= 60) {
    const hours = Math.round(minutes / 30) / 2;
    return `the wait is about ${hours === 1 ? 'an hour' : `${hours} hours`}`;
  }
  return `the wait is about ${minutes} minutes`;
}

function median(values: readonly number[], fallback: number): number {
  const usable = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (usable.length === 0) return fallback;
  const middle = Math.floor(usable.length / 2);
  return usable.length % 2 === 1 ? usable[middle] : (usable[middle - 1] + usable[middle]) / 2;
}
