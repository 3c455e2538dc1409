// Median and tail reply time of one turn through the built-in Direct Line gateway, as the web
// page sees it: POST a message, wait for the bot's first reply on the WebSocket stream.
// Runs the built bot in-process (npm run build first; `npm run bench` does).
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const WebSocket = require('ws');
const { startBot } = require('../dist/botApp');
const { loadConfig } = require('../dist/config');
const { createLogger } = require('../dist/logger');

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 20);
const TURNS = Number(process.env.BENCH_TURNS ?? 20);
const MESSAGES = ['help', 'hello', 'qwerty asdf', 'thanks', 'can I speak to someone'];

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function oneConversation(baseUrl, latencies) {
  const session = await (await fetch(`${baseUrl}/api/directline/token`, { method: 'POST' })).json();
  const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
  const started = await (await fetch(`${session.domain}/conversations`, { method: 'POST', headers })).json();
  const ws = new WebSocket(started.streamUrl);
  // The POST answers only once the turn is done, so a reply can arrive before its id is known.
  const answered = new Map();
  const replyArrived = (id) => {
    if (!answered.has(id)) {
      let resolve;
      answered.set(id, { promise: new Promise((r) => (resolve = r)), resolve });
    }
    return answered.get(id);
  };
  ws.on('message', (data) => {
    if (!data.length) return;
    for (const a of JSON.parse(String(data)).activities) {
      if (a.from.id !== session.userId && a.replyToId) replyArrived(a.replyToId).resolve();
    }
  });
  await new Promise((r) => ws.once('open', r));
  await new Promise((r) => setTimeout(r, 50)); // let the greeting arrive first
  for (let turn = 0; turn < TURNS; turn += 1) {
    const start = process.hrtime.bigint();
    const response = await fetch(`${session.domain}/conversations/${session.conversationId}/activities`, {
      method: 'POST', headers, body: JSON.stringify({ type: 'message', text: MESSAGES[turn % MESSAGES.length] }),
    });
    await replyArrived((await response.json()).id).promise;
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ws.close();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'advice-bot-bench-'));
  const quiet = createLogger(() => undefined, () => undefined);
  const bot = await startBot(loadConfig({ PORT: '0', SQLITE_PATH: join(dir, 'bot.sqlite') }), quiet, join(__dirname, '..'));
  const latencies = [];
  const began = Date.now();
  try {
    for (let c = 0; c < CONVERSATIONS; c += 1) await oneConversation(bot.url, latencies);
  } finally {
    await bot.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`turns: ${sorted.length} (${CONVERSATIONS} conversations x ${TURNS}, one at a time) in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  console.log(`reply time through the gateway: p50 ${fmt(percentile(sorted, 50))}, p95 ${fmt(percentile(sorted, 95))}, p99 ${fmt(percentile(sorted, 99))}, max ${fmt(sorted.at(-1))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
