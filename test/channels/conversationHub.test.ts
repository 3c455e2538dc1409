import { ActivitySet, ConversationHub } from '../../src/channels/directline/conversationHub';

const options = { maxActivitiesPerConversation: 3, idleMilliseconds: 60000 };

describe('the gateway transcript buffer', () => {
  it('gives each activity an increasing watermark and returns only newer ones', () => {
    const hub = new ConversationHub(options);
    hub.append('c', { type: 'message', text: 'one' });
    const { watermark } = hub.activitiesAfter('c');
    hub.append('c', { type: 'message', text: 'two' });
    expect(hub.activitiesAfter('c', watermark).activities.map((a) => a.text)).toEqual(['two']);
  });

  it('after a restart, gives watermarks larger than any a client already holds', () => {
    let now = 1_000_000;
    const before = new ConversationHub({ ...options, now: () => now });
    for (let i = 0; i < 50; i += 1) before.append('c', { type: 'message' });
    const held = before.activitiesAfter('c').watermark;
    now += 1;
    const after = new ConversationHub({ ...options, now: () => now });
    after.append('c', { type: 'message', text: 'new' });
    expect(after.activitiesAfter('c', held).activities.map((a) => a.text)).toEqual(['new']);
  });

  it('keeps only the most recent activities per conversation', () => {
    const hub = new ConversationHub(options);
    for (const text of ['1', '2', '3', '4']) hub.append('c', { type: 'message', text });
    expect(hub.activitiesAfter('c').activities.map((a) => a.text)).toEqual(['2', '3', '4']);
  });

  it('forgets a conversation at once on Quick Exit', () => {
    const hub = new ConversationHub(options);
    hub.append('c', { type: 'message', text: 'private' });
    hub.forget('c');
    expect(hub.activitiesAfter('c').activities).toEqual([]);
  });

  it('forgets idle conversations nobody is watching, but not watched ones', () => {
    let now = 0;
    const hub = new ConversationHub({ ...options, now: () => now });
    hub.append('idle', { type: 'message' });
    hub.append('watched', { type: 'message' });
    hub.subscribe('watched', () => undefined);
    now += 60001;
    expect(hub.prune()).toBe(1);
    expect(hub.size).toBe(1);
  });

  it('pushes new activities to live listeners', () => {
    const hub = new ConversationHub(options);
    const seen: string[] = [];
    const stop = hub.subscribe('c', (setJson) => seen.push(...(JSON.parse(setJson) as ActivitySet).activities.map((a) => a.text ?? '')));
    hub.append('c', { type: 'message', text: 'hi' });
    stop();
    hub.append('c', { type: 'message', text: 'after' });
    expect(seen).toEqual(['hi']);
  });

  it("pushes a turn's replies to live listeners as one set, in order, marked with the last one's watermark", () => {
    const hub = new ConversationHub({ ...options, maxActivitiesPerConversation: 10 });
    const sets: ActivitySet[] = [];
    hub.subscribe('c', (setJson) => sets.push(JSON.parse(setJson) as ActivitySet));
    const added = hub.appendAll('c', [{ activity: { type: 'message', text: 'one' } }, { activity: { type: 'message', text: 'two' }, chosenId: 'turn-1~2' }]);
    expect(sets).toHaveLength(1);
    expect(sets[0].activities.map((a) => [a.id, a.text])).toEqual([[added[0].id, 'one'], ['turn-1~2', 'two']]);
    expect(hub.activitiesAfter('c', sets[0].watermark).activities).toEqual([]);
    expect(hub.activitiesAfter('c').activities.map((a) => a.text)).toEqual(['one', 'two']);
  });
});

describe('the gateway transcript budget', () => {
  it('forgets conversations nobody is connected to, least recently used first, before trimming a connected one', () => {
    let now = 0;
    const hub = new ConversationHub({ maxActivitiesPerConversation: 100, idleMilliseconds: 3_600_000, maxBytesTotal: 10_000, now: () => now });
    const text = 'x'.repeat(900);
    hub.subscribe('connected', () => undefined);
    for (const id of ['connected', 'left early', 'left later']) {
      now += 1000;
      for (let i = 0; i < 3; i += 1) hub.append(id, { type: 'message', text });
    }
    now += 1000;
    for (let i = 0; i < 3; i += 1) hub.append('newest', { type: 'message', text });

    expect(hub.has('left early')).toBe(false);
    expect(hub.activitiesAfter('connected').activities).toHaveLength(3);
    expect(hub.activitiesAfter('newest').activities).toHaveLength(3);
    expect(hub.bytes).toBeLessThanOrEqual(10_000);
  });
});
