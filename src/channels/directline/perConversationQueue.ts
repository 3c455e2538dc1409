/**
 * Runs tasks one at a time per conversation, in arrival order, so two quick messages from one
 * person reach the bot in the order they were typed and never race on the same saved state.
 * Different conversations still run in parallel.
 */
export class PerConversationQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return result;
  }
}
