import { freePort, useBotProcesses } from '../support/botProcess';

interface ActivityList {
  activities: Array<{ text?: string; from: { id: string } }>;
  watermark: string;
}

describe('a conversation when the bot process is killed and started again', () => {
  const bots = useBotProcesses('advice-bot-restart-');

  it('continues where it was: same token, same conversation, no second greeting', async () => {
    const port = await freePort();
    const first = await bots.start(port);

    const session = (await (await fetch(`${first.url}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const base = `${first.url}/api/directline/conversations/${session.conversationId}`;
    expect((await fetch(`${first.url}/api/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
    const say = (text: string) => fetch(`${base}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text }) });
    const listAfter = async (watermark = '') => (await (await fetch(`${base}/activities?watermark=${watermark}`, { headers })).json()) as ActivityList;

    expect((await say('qwerty asdf')).status).toBe(200);
    const beforeKill = await listAfter();
    expect(beforeKill.activities.map((a) => a.text).join('\n')).toMatch(/didn't understand/);

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    await bots.start(port);
    // The page would re-open its stream; it keeps its token and conversation id.
    expect((await fetch(`${first.url}/api/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
    expect((await say('zxcv uiop')).status).toBe(200);

    const afterRestart = await listAfter(beforeKill.watermark);
    const texts = afterRestart.activities.map((a) => a.text ?? '').join('\n');
    // Second misunderstanding in a row: the count was kept across the kill.
    expect(texts).toMatch(/still not understanding/);
    expect(texts).not.toMatch(/I'm a computer program/);
  });

  it('resumes a guided conversation at the same question after kill -9', async () => {
    const port = await freePort();
    const first = await bots.start(port);
    const session = (await (await fetch(`${first.url}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const base = `${first.url}/api/directline/conversations/${session.conversationId}`;
    await fetch(`${first.url}/api/directline/conversations`, { method: 'POST', headers });
    const say = (text: string) => fetch(`${base}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text }) });
    const listAfter = async (watermark = '') => (await (await fetch(`${base}/activities?watermark=${watermark}`, { headers })).json()) as ActivityList;

    await say('Section 20 (voluntary care)');
    await say('I am being asked to sign');
    const beforeKill = await listAfter();
    expect(beforeKill.activities.at(-1)?.text).toBe('Is there a court order or a court case about your child?');

    first.child.kill('SIGKILL');
    await first.exited;
    await bots.start(port);
    await fetch(`${first.url}/api/directline/conversations`, { method: 'POST', headers });
    await say('no');

    const texts = (await listAfter(beforeKill.watermark)).activities.map((a) => a.text ?? '');
    expect(texts.join('\n')).not.toMatch(/I'll ask you up to/);
    expect(texts.at(-1)).toMatch(/How old is your child/);
  });

  it('stops cleanly on SIGTERM', async () => {
    const bot = await bots.start(await freePort());
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe('0');
    expect(bot.output()).toMatch(/shutdown_started/);
  });
});
