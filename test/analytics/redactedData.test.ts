import { AnalyticsEvent } from '../../src/analytics/analyticsEvent';
import { redactingSink } from '../../src/analytics/redactingSink';
import * as redactModule from '../../src/analytics/redact';
import { redactedData } from '../../src/analytics/redactedData';

const question = (text: string): AnalyticsEvent['data'] => ({ type: 'messageReceived', text, length: text.length, duringHandoff: false });

describe('redacting analytics text once on its way to every sink', () => {
  it('removes personal details, and gives back data it already redacted untouched', () => {
    const clean = redactedData(question('my name is Sarah Jones, call me on 07700 900123'));
    const text = (clean as { text: string }).text;
    expect(text).not.toMatch(/Sarah|Jones|07700/);
    expect(redactedData(clean)).toBe(clean);
  });

  it('still redacts look-alike data that did not come from it (a copy is not trusted)', () => {
    const clean = redactedData(question('ring me on 07700 900123'));
    const copy = { ...clean, text: 'ring me on 07700 900123' } as AnalyticsEvent['data'];
    expect((redactedData(copy) as { text: string }).text).not.toMatch(/07700/);
  });

  it('every sink behind the redacting sink gets the redacted text', () => {
    const seen: string[] = [];
    const sink = { record: (event: AnalyticsEvent) => void seen.push((event.data as { text: string }).text) };
    redactingSink([sink, sink]).record({ conversationId: 'c', channel: 'directline', at: new Date(), data: question('email me at sam@example.org') });
    expect(seen).toHaveLength(2);
    for (const text of seen) expect(text).not.toMatch(/sam@example\.org/);
  });
});

describe('a message in several events of one turn', () => {
  const fallback = (text: string): AnalyticsEvent['data'] => ({ type: 'fallback', text, outOfScope: false, confidence: 0.1 });
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it("is redacted once for its conversation's turn, each event getting the same clean text, and again after the turn", async () => {
    await nextTurn();
    const redact = jest.spyOn(redactModule, 'redact');
    const text = 'my name is Sarah Jones, call me on 07700 900123';

    const received = redactedData(question(text), 'c1') as { text: string };
    const unanswered = redactedData(fallback(text), 'c1') as { text: string };
    expect(received.text).toBe(unanswered.text);
    expect(received.text).not.toMatch(/Sarah|07700/);
    expect(redact).toHaveBeenCalledTimes(1);

    // Another conversation's message is its own, even word for word the same.
    expect((redactedData(question(text), 'c2') as { text: string }).text).toBe(received.text);
    expect(redact).toHaveBeenCalledTimes(2);

    await nextTurn();
    expect((redactedData(question(text), 'c1') as { text: string }).text).toBe(received.text);
    expect(redact).toHaveBeenCalledTimes(3);
  });
});
