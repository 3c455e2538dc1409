import { join } from 'node:path';
import { connect, requestToken } from '../support/directLineClient';
import { addAccount, signIn } from '../support/adviserClient';
import { startTestBot, TestBot } from '../support/startTestBot';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({}, undefined, {}, { isHelplineOpen: () => true });
  const sqlite = join(bot.dataDir, 'bot.sqlite');
  await addAccount(sqlite, 'sam', 'Sam');
  await addAccount(sqlite, 'priya', 'Priya');
  await addAccount(sqlite, 'stella', 'Stella', 'staff');
});
afterAll(async () => {
  await bot.stop();
});

describe('a person and an adviser, over Direct Line and the console API', () => {
  it('queue, accept, messages and typing both ways, end with an outcome, feedback', async () => {
    const sam = await signIn(bot.url, 'sam');
    await sam.openStream();
    await sam.waitForEvent((e) => e.event === 'ready');

    const session = await requestToken(bot.url);
    const person = connect(session, 'websocket');
    try {
      await person.waitFor((a) => /0808 801 0366/.test(a.text ?? ''));
      await person.send('talk to a person');
      await person.waitFor((a) => /Can I show them what we've talked about/.test(a.text ?? ''));
      await person.send('Yes, share it');
      await person.waitFor((a) => /You're number 1 in the queue/.test(a.text ?? ''));

      // The console hears of the new arrival without asking.
      await sam.waitForEvent((e) => e.event === 'queue' && (e.data as unknown as unknown[]).length === 1);
      const state = await sam.api('GET', '/state');
      expect(state.status).toBe(200);
      expect(state.body.queue).toHaveLength(1);
      const entry = state.body.queue[0];
      expect(entry.transcript.map((l: { text: string }) => l.text)).toContain('talk to a person');

      expect((await sam.api('POST', `/handoffs/${entry.id}/accept`)).status).toBe(200);
      await person.waitFor((a) => /Sam, an adviser, has joined the chat/.test(a.text ?? ''));

      await person.send('hello, are you a real person?');
      const relayed = await sam.waitForEvent((e) => e.event === 'message' && e.data.text === 'hello, are you a real person?');
      expect(relayed.data.sender).toBe('user');

      expect((await sam.api('POST', `/handoffs/${entry.id}/typing`)).status).toBe(204);
      await person.waitFor((a) => a.type === 'typing');
      await new Promise<void>((resolve, reject) =>
        person.directLine.postActivity({ type: 'typing', from: { id: session.userId } } as never).subscribe({ next: () => resolve(), error: reject }),
      );
      await sam.waitForEvent((e) => e.event === 'typing' && e.data.handoffId === entry.id);

      const sent = await sam.api('POST', `/handoffs/${entry.id}/messages`, { text: 'Yes, I am Sam, an adviser. How can I help?' });
      expect(sent.status).toBe(201);
      await person.waitFor((a) => a.text === 'Yes, I am Sam, an adviser. How can I help?');

      expect((await sam.api('POST', `/handoffs/${entry.id}/end`, { outcome: 'nonsense' })).status).toBe(400);
      expect((await sam.api('POST', `/handoffs/${entry.id}/end`, { outcome: 'Advice given' })).status).toBe(200);
      await person.waitFor((a) => /Sam has ended the chat/.test(a.text ?? ''));
      await person.waitFor((a) => a.text === 'Was talking to an adviser helpful?');
      await person.send('Yes, it helped');
      await person.waitFor((a) => /Thank you for telling us/.test(a.text ?? ''));

      // Messages from the person arrived once each, in order; nothing personal went to the logs.
      const history = await sam.api('GET', `/handoffs/${entry.id}/messages`);
      expect(history.body.messages.map((m: { sender: string; text: string }) => `${m.sender}: ${m.text}`)).toEqual([
        'user: hello, are you a real person?',
        'adviser: Yes, I am Sam, an adviser. How can I help?',
      ]);
      expect(bot.logLines.join('\n')).not.toMatch(/real person|How can I help/);
    } finally {
      person.close();
      sam.close();
    }
  });

  it('gives a conversation to exactly one of two advisers who press Accept together', async () => {
    const sam = await signIn(bot.url, 'sam');
    const priya = await signIn(bot.url, 'priya');
    await sam.openStream();
    await sam.waitForEvent((e) => e.event === 'ready');
    const session = await requestToken(bot.url);
    const person = connect(session, 'polling');
    try {
      await person.waitFor((a) => /0808 801 0366/.test(a.text ?? ''));
      await person.send('talk to a person');
      await person.waitFor((a) => /Can I show them/.test(a.text ?? ''));
      await person.send("No, don't share");
      await person.waitFor((a) => /in the queue/.test(a.text ?? ''));
      const { body } = await sam.api('GET', '/state');
      const id = body.queue.find((h: { transcript: unknown }) => h.transcript === null).id;

      const results = await Promise.all([sam.api('POST', `/handoffs/${id}/accept`), priya.api('POST', `/handoffs/${id}/accept`)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.error.message).toMatch(/Another adviser has already taken this conversation/);
      await person.waitFor((a) => /(Sam|Priya), an adviser, has joined/.test(a.text ?? ''));
      expect(person.seen.filter((a) => /has joined/.test(a.text ?? ''))).toHaveLength(1);
    } finally {
      person.close();
      sam.close();
      priya.close();
    }
  });

  it('keeps the console to signed-in advisers', async () => {
    expect((await fetch(`${bot.url}/api/adviser/state`)).status).toBe(401);
    expect((await fetch(`${bot.url}/api/adviser/events`)).status).toBe(401);
    const stella = await signIn(bot.url, 'stella');
    expect((await stella.api('GET', '/state')).status).toBe(403);
    const sam = await signIn(bot.url, 'sam');
    const forged = await fetch(`${bot.url}/api/adviser/availability`, { method: 'POST', headers: { cookie: sam.cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(forged.status).toBe(403);
  });

  it('lists callback requests and records who changed their status', async () => {
    const session = await requestToken(bot.url);
    const person = connect(session, 'websocket');
    const sam = await signIn(bot.url, 'sam');
    try {
      await person.waitFor((a) => /0808 801 0366/.test(a.text ?? ''));
      // No console is connected, so nobody can chat: the callback is offered instead.
      await person.send('can i speak to someone');
      await person.waitFor((a) => /advisers are busy/.test(a.text ?? ''));
      for (const [reply, next] of [
        ['Request a callback', /phone number or email/],
        ['07700 900123', /voicemail/],
        ['yes', /Family Rights Group/],
        ['no', /should not call/],
        ['No', /best time/],
        ['Any time the line is open', /what would you like help with/],
        ['Skip', /callback request has been sent/],
      ] as const) {
        const before = person.seen.length;
        await person.send(reply);
        await person.waitFor((a) => person.seen.indexOf(a) >= before && next.test(a.text ?? ''));
      }
      const list = await sam.api('GET', '/callbacks?status=new');
      const request = list.body.callbacks.find((c: { phone: string }) => c.phone === '07700 900123');
      expect(request).toMatchObject({ voicemailOk: true, sayOrganisationOk: false, avoidTimes: null, message: null, status: 'new' });
      const changed = await sam.api('POST', `/callbacks/${request.id}/status`, { status: 'contacted' });
      expect(changed.body).toMatchObject({ status: 'contacted', statusChangedBy: 'Sam' });
      const history = await sam.api('GET', `/callbacks/${request.id}/history`);
      expect(history.body.history).toEqual([expect.objectContaining({ status: 'contacted', changedBy: 'Sam' })]);
      expect(bot.logLines.join('\n')).not.toContain('07700');
    } finally {
      person.close();
    }
  });
});
