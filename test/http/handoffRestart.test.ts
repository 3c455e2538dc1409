import { join } from 'node:path';
import { createOpeningHours } from '../../src/handoff/openingHours';
import { parseOpeningHoursSettings } from '../../src/handoff/openingHoursSettings';
import { addAccount, signIn } from '../support/adviserClient';
import { freePort, useBotProcesses } from '../support/botProcess';

interface ActivityList {
  activities: Array<{ text?: string; from: { id: string } }>;
  watermark: string;
}

// Open every day, so the test can run at any time, except on bank holidays (which always close the line).
const ALWAYS = { HELPLINE_HOURS: 'Mon-Sun 00:00-23:59', HELPLINE_CLOSURES: '' };
const parsed = parseOpeningHoursSettings(ALWAYS.HELPLINE_HOURS, '');
// Skipped in the last minutes before midnight too, when the line would close mid-test.
const openNow = parsed.ok && [0, 10].every((minutes) => createOpeningHours(parsed.settings).isOpen(new Date(Date.now() + minutes * 60000)));

/** The id of the one queued hand-off, once the adviser's console shows it. */
async function waitForQueuedHandoff(adviser: Awaited<ReturnType<typeof signIn>>): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const { body } = await adviser.api('GET', '/state');
    if (body.queue.length > 0) return body.queue[0].id as string;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the person never joined the queue');
}

describe('a live chat when the bot process is killed and started again', () => {
  const bots = useBotProcesses('advice-bot-handoff-restart-');

  (openNow ? it : it.skip)('carries on: same adviser, same chat, every message once and in order', async () => {
    await addAccount(join(bots.dataDir(), 'bot.sqlite'), 'sam', 'Sam');
    const port = await freePort();
    const first = await bots.start(port, ALWAYS);

    const sam = await signIn(first.url, 'sam');
    await sam.openStream();
    await sam.waitForEvent((e) => e.event === 'ready');

    const session = (await (await fetch(`${first.url}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const base = `${first.url}/api/directline/conversations/${session.conversationId}`;
    await fetch(`${first.url}/api/directline/conversations`, { method: 'POST', headers });
    const say = (text: string) => fetch(`${base}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text }) });
    const listAfter = async (watermark = '') => (await (await fetch(`${base}/activities?watermark=${watermark}`, { headers })).json()) as ActivityList;
    const waitForText = async (text: string, watermark: string) => {
      for (let i = 0; i < 200; i += 1) {
        const list = await listAfter(watermark);
        if (list.activities.some((a) => a.text === text)) return list;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`"${text}" never reached the person`);
    };

    expect((await say('talk to a person')).status).toBe(200);
    expect((await say('Yes, share it')).status).toBe(200);
    const handoffId = await waitForQueuedHandoff(sam);
    expect((await sam.api('POST', `/handoffs/${handoffId}/accept`)).status).toBe(200);
    await say('before the restart');
    await sam.waitForEvent((e) => e.event === 'message' && e.data.text === 'before the restart');
    const beforeKill = await listAfter();
    sam.close();

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await bots.start(port, ALWAYS);

    // The adviser's page reconnects with the same session; the chat is still theirs.
    await sam.openStream();
    await sam.waitForEvent((e) => e.event === 'ready');
    const state = await sam.api('GET', '/state');
    expect(state.body.chats).toHaveLength(1);
    expect(state.body.chats[0].messages.map((m: { text: string }) => m.text)).toEqual(['before the restart']);
    const lastSeen = state.body.chats[0].messages[0].id as number;

    await fetch(`${first.url}/api/directline/conversations`, { method: 'POST', headers });
    expect((await sam.api('POST', `/handoffs/${handoffId}/messages`, { text: 'Sorry, we had a blip. I am still here.' })).status).toBe(201);
    const after = await waitForText('Sorry, we had a blip. I am still here.', beforeKill.watermark);
    expect(after.activities.filter((a) => a.text === 'Sorry, we had a blip. I am still here.')).toHaveLength(1);

    await say('thank you');
    const missed = await sam.api('GET', `/handoffs/${handoffId}/messages?after=${lastSeen}`);
    expect(missed.body.messages.map((m: { sender: string; text: string }) => `${m.sender}: ${m.text}`)).toEqual([
      'adviser: Sorry, we had a blip. I am still here.',
      'user: thank you',
    ]);
    // The person's message went to the adviser, not to the bot's answers.
    const texts = (await listAfter(beforeKill.watermark)).activities.map((a) => a.text ?? '');
    expect(texts.join('\n')).not.toMatch(/didn't understand|Did you mean/);
    sam.close();
  });
});
