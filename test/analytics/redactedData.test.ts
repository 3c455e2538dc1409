import { AnalyticsEvent } from '../../src/analytics/analyticsEvent';
import { redactingSink } from '../../src/analytics/redactingSink';
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
