import { startTestBot, TestBot } from '../support/startTestBot';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.stop();
});

describe("the site's pages and scripts", () => {
  it('answer HEAD (uptime monitors, link checkers) with the headers and no body', async () => {
    for (const path of ['/', '/chat.js', '/console/login']) {
      const head = await fetch(`${bot.url}${path}`, { method: 'HEAD' });
      const get = await fetch(`${bot.url}${path}`);
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
      expect(head.headers.get('content-length')).toBe(String((await get.arrayBuffer()).byteLength));
      expect((await head.arrayBuffer()).byteLength).toBe(0);
    }
  });
});
