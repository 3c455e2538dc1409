import type { HandoffStore } from '../../src/handoff/handoffStore';
import type { NewHandoff } from '../../src/handoff/handoffTypes';
import { describeOnEachDatabase, type HandoffDatabase } from './handoffDatabases';

const at = (time: string) => new Date(`2026-12-07T${time}Z`);

const request = (conversationId: string): NewHandoff => ({
  conversationId,
  conversationRef: { channelId: 'directline', conversation: { id: conversationId }, user: { id: 'dl_user', name: 'Jo' } },
  topic: 'section-20',
  learned: [{ label: 'Wants the child home', value: 'Yes' }],
  transcript: [{ from: 'user', text: 'they want me to sign a section 20', at: '2026-12-07T10:58:00.000Z' }],
});

describeOnEachDatabase('the hand-off queue', (database: () => HandoffDatabase) => {
  let store: HandoffStore;
  beforeEach(async () => {
    store = database().handoffs();
    await database().addAdviser(1, 'Sam');
    await database().addAdviser(2, 'Priya');
  });

  /** A hand-off accepted by Sam (adviser 1), live. */
  async function liveChat(conversationId = 'c1') {
    const handoff = await store.create(request(conversationId), at('11:00:00.000'));
    await store.accept(handoff.id, 1, 'Sam', at('11:01:00.000'));
    return handoff;
  }

  describe('accepting', () => {
    it('gives each waiting person to exactly one of two advisers pressing Accept at once on two instances', async () => {
      const waiting = await Promise.all(['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id) => store.create(request(id), at('11:00:00.000'))));
      const onA = database().handoffs('a');
      const onB = database().handoffs('b');
      for (const handoff of waiting) {
        const [sam, priya] = await Promise.all([
          onA.accept(handoff.id, 1, 'Sam', at('11:01:00.000')),
          onB.accept(handoff.id, 2, 'Priya', at('11:01:00.000')),
        ]);
        expect([sam, priya].filter(Boolean)).toHaveLength(1);
        const taken = await store.get(handoff.id);
        expect(taken).toMatchObject({ status: 'connected', adviserId: sam ? 1 : 2, adviserName: sam ? 'Sam' : 'Priya', acceptedAt: '2026-12-07T11:01:00.000Z' });
      }
      expect(await store.queue()).toEqual([]);
    });

    it('refuses a person who has already left the queue', async () => {
      const handoff = await store.create(request('c1'), at('11:00:00.000'));
      await store.end(handoff.id, 'user', null, at('11:00:30.000'));
      expect(await store.accept(handoff.id, 1, 'Sam', at('11:01:00.000'))).toBe(false);
      expect(await store.get(handoff.id)).toMatchObject({ status: 'ended', adviserId: null });
    });
  });

  describe('the queue', () => {
    it('is first come first served, requests in the same millisecond in the order they arrived', async () => {
      const first = await store.create(request('first'), at('11:00:00.000'));
      const sameMoment = await store.create(request('same-moment'), at('11:00:00.000'));
      const earlier = await store.create(request('earlier-clock'), at('10:59:59.999'));
      const later = await store.create(request('later'), at('11:00:00.001'));
      expect((await store.queue()).map((h) => h.id)).toEqual([earlier.id, first.id, sameMoment.id, later.id]);
    });

    it('loses people who were accepted or left, and lists live chats longest-running first', async () => {
      const a = await store.create(request('a'), at('11:00:00.000'));
      const b = await store.create(request('b'), at('11:00:01.000'));
      const c = await store.create(request('c'), at('11:00:02.000'));
      await store.accept(c.id, 1, 'Sam', at('11:02:00.000'));
      await store.accept(a.id, 2, 'Priya', at('11:03:00.000'));
      await store.end(b.id, 'user', null, at('11:04:00.000'));
      expect(await store.queue()).toEqual([]);
      expect((await store.connected()).map((h) => h.id)).toEqual([c.id, a.id]);
    });

    it('keeps one place per conversation, even when two instances queue it at once', async () => {
      const [onA, onB] = await Promise.all([
        database().handoffs('a').create(request('c1'), at('11:00:00.000')),
        database().handoffs('b').create(request('c1'), at('11:00:00.000')),
      ]);
      expect(onB.id).toBe(onA.id);
      expect(await store.queue()).toHaveLength(1);
      expect((await store.openFor('c1'))?.id).toBe(onA.id);
    });

    it('gives back what the person agreed to share exactly as it was given', async () => {
      const created = await store.create(request('c1'), at('11:00:00.000'));
      const read = await database().handoffs('b').get(created.id);
      expect(read).toEqual(created);
      expect(read).toMatchObject({
        conversationId: 'c1',
        conversationRef: request('c1').conversationRef,
        status: 'queued',
        topic: 'section-20',
        learned: request('c1').learned,
        transcript: request('c1').transcript,
        requestedAt: '2026-12-07T11:00:00.000Z',
        lastUserActivityAt: '2026-12-07T11:00:00.000Z',
        stillThereAskedAt: null,
        adviserId: null,
        feedback: null,
      });
      const unshared = await store.create({ ...request('c2'), learned: [], transcript: null }, at('11:00:00.000'));
      expect(await store.get(unshared.id)).toMatchObject({ learned: [], transcript: null });
    });

    it('finds a conversation\'s waiting or live hand-off, and its latest once ended', async () => {
      const old = await store.create(request('c1'), at('09:00:00.000'));
      await store.end(old.id, 'user', null, at('09:05:00.000'));
      expect(await store.openFor('c1')).toBeUndefined();
      const again = await store.create(request('c1'), at('11:00:00.000'));
      expect((await store.openFor('c1'))?.id).toBe(again.id);
      await store.end(again.id, 'timeout', null, at('11:10:00.000'));
      expect(await store.latestFor('c1')).toMatchObject({ id: again.id, endedBy: 'timeout' });
      expect(await store.latestFor('nobody')).toBeUndefined();
      expect(await store.get('no-such-id')).toBeUndefined();
    });
  });

  describe('messages', () => {
    it('come back in the order they were written, and a reconnecting console gets only what it missed', async () => {
      const handoff = await liveChat();
      const first = await store.addMessage(handoff.id, 'user', 'hello?', at('11:01:10.000'));
      await store.addAdviserMessage(handoff.id, 1, 'Hello, I am Sam', at('11:01:10.000'));
      await store.addMessage(handoff.id, 'system', 'Urgent numbers were shown', at('11:01:11.000'));
      await store.addMessage(handoff.id, 'user', 'I signed it last week', at('11:01:12.000'));
      const all = await database().handoffs('b').messages(handoff.id);
      expect(all.map((m) => `${m.sender}: ${m.text}`)).toEqual([
        'user: hello?',
        'adviser: Hello, I am Sam',
        'system: Urgent numbers were shown',
        'user: I signed it last week',
      ]);
      expect(all.every((m) => typeof m.id === 'number' && m.handoffId === handoff.id)).toBe(true);
      expect(first).toEqual(all[0]);
      expect((await store.messages(handoff.id, first.id)).map((m) => m.text)).toEqual(['Hello, I am Sam', 'Urgent numbers were shown', 'I signed it last week']);
      expect(await store.messages(handoff.id, all[3].id)).toEqual([]);
    });

    it('from an adviser are marked delivered once, and only undelivered ones are sent again, oldest first', async () => {
      const handoff = await liveChat();
      await store.addMessage(handoff.id, 'user', 'hello?', at('11:01:10.000'));
      const one = (await store.addAdviserMessage(handoff.id, 1, 'one', at('11:01:20.000')))!;
      const two = (await store.addAdviserMessage(handoff.id, 1, 'two', at('11:01:21.000')))!;
      expect(one.deliveredAt).toBeNull();
      expect((await store.undelivered()).map((m) => m.text)).toEqual(['one', 'two']);

      await store.markDelivered(one.id, at('11:01:22.000'));
      await database().handoffs('b').markDelivered(one.id, at('11:05:00.000'));
      expect((await store.message(one.id))?.deliveredAt).toBe('2026-12-07T11:01:22.000Z');
      expect(await store.undelivered()).toEqual([{ ...two, deliveredAt: null }]);
      await store.markDelivered(two.id, at('11:01:23.000'));
      expect(await store.undelivered()).toEqual([]);
    });

    it('from an adviser are refused unless the chat is live and theirs at that moment', async () => {
      const handoff = await liveChat();
      expect(await store.addAdviserMessage(handoff.id, 2, 'Priya here', at('11:02:00.000'))).toBeUndefined();
      const queued = await store.create(request('c2'), at('11:00:00.000'));
      expect(await store.addAdviserMessage(queued.id, 1, 'too early', at('11:02:00.000'))).toBeUndefined();
      await store.end(handoff.id, 'user', null, at('11:03:00.000'));
      expect(await store.addAdviserMessage(handoff.id, 1, 'are you there?', at('11:04:00.000'))).toBeUndefined();
      expect(await store.messages(handoff.id)).toEqual([]);
      expect(await store.messages(queued.id)).toEqual([]);
    });

    it('keep the words of a message with a NUL character in it', async () => {
      const handoff = await liveChat();
      const saved = await store.addMessage(handoff.id, 'user', 'hello\u0000 there', at('11:01:10.000'));
      expect(saved.text).toBe('hello there');
      expect((await store.messages(handoff.id)).map((m) => m.text)).toEqual(['hello there']);
    });
  });

  describe('ending', () => {
    it('happens once: ending again says it was already over and changes nothing', async () => {
      const handoff = await liveChat();
      expect(await store.end(handoff.id, 'user', null, at('11:10:00.000'))).toBe(true);
      expect(await database().handoffs('b').end(handoff.id, 'adviser', 'Advice given', at('11:11:00.000'))).toBe(false);
      expect(await store.get(handoff.id)).toMatchObject({ status: 'ended', endedBy: 'user', endedAt: '2026-12-07T11:10:00.000Z', outcome: null });
    });

    it("keeps the adviser's outcome given after the person ended, and the person's first feedback", async () => {
      const handoff = await liveChat();
      await store.end(handoff.id, 'user', null, at('11:10:00.000'));
      await store.setOutcome(handoff.id, 'Advice given');
      await store.setFeedback(handoff.id, 'helpful');
      await store.setFeedback(handoff.id, 'notHelpful');
      expect(await store.get(handoff.id)).toMatchObject({ endedBy: 'user', outcome: 'Advice given', feedback: 'helpful' });
    });

    it('tells wait estimates how long recent chats lasted, newest first', async () => {
      const long = await liveChat('c1');
      await store.end(long.id, 'adviser', 'Advice given', at('11:31:00.000'));
      const short = await liveChat('c2');
      await store.end(short.id, 'adviser', 'Advice given', at('11:41:00.000'));
      const unanswered = await store.create(request('c3'), at('11:00:00.000'));
      await store.end(unanswered.id, 'user', null, at('11:50:00.000'));
      const minutes = await store.recentChatMinutes();
      expect(minutes).toHaveLength(2);
      expect(minutes[0]).toBeCloseTo(40, 3);
      expect(minutes[1]).toBeCloseTo(30, 3);
      expect(await store.recentChatMinutes(1)).toHaveLength(1);
    });
  });

  describe('quiet people in the queue', () => {
    it('are asked once whether they are still there, and not if they wrote since the bot looked', async () => {
      const handoff = await store.create(request('c1'), at('11:00:00.000'));
      await store.touchUser(handoff.id, at('11:04:00.000'));
      // Quiet since 11:00? No: they wrote at 11:04.
      expect(await store.markStillThereAsked(handoff.id, at('11:00:00.000'), at('11:05:00.000'))).toBe(false);
      expect(await store.markStillThereAsked(handoff.id, at('11:04:00.000'), at('11:09:00.000'))).toBe(true);
      expect(await database().handoffs('b').markStillThereAsked(handoff.id, at('11:04:00.000'), at('11:09:01.000'))).toBe(false);
      expect(await store.get(handoff.id)).toMatchObject({ stillThereAskedAt: '2026-12-07T11:09:00.000Z', lastUserActivityAt: '2026-12-07T11:04:00.000Z' });
    });

    it('who answer keep their place; those who stay quiet are released once', async () => {
      const answers = await store.create(request('answers'), at('11:00:00.000'));
      const quiet = await store.create(request('quiet'), at('11:00:00.000'));
      for (const h of [answers, quiet]) await store.markStillThereAsked(h.id, at('11:00:00.000'), at('11:05:00.000'));
      await store.touchUser(answers.id, at('11:07:00.000'));
      expect((await store.get(answers.id))?.stillThereAskedAt).toBeNull();

      expect(await store.endQueued(answers.id, 'timeout', at('11:08:00.000'), at('11:05:00.000'))).toBe(false);
      expect(await store.endQueued(quiet.id, 'timeout', at('11:08:00.000'), at('11:05:00.000'))).toBe(true);
      expect(await database().handoffs('b').endQueued(quiet.id, 'timeout', at('11:08:01.000'), at('11:05:00.000'))).toBe(false);
      expect(await store.get(answers.id)).toMatchObject({ status: 'queued' });
      expect(await store.get(quiet.id)).toMatchObject({ status: 'ended', endedBy: 'timeout', endedAt: '2026-12-07T11:08:00.000Z' });
    });

    it('released for want of advisers never lose a chat an adviser has just accepted', async () => {
      const accepted = await liveChat('c1');
      const waiting = await store.create(request('c2'), at('11:00:00.000'));
      expect(await store.endQueued(accepted.id, 'noAdvisers', at('11:05:00.000'))).toBe(false);
      expect(await store.endQueued(waiting.id, 'noAdvisers', at('11:05:00.000'))).toBe(true);
      expect(await store.get(accepted.id)).toMatchObject({ status: 'connected' });
      expect(await store.get(waiting.id)).toMatchObject({ status: 'ended', endedBy: 'noAdvisers' });
    });
  });
});
