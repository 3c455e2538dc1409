// Hand-off latency, both ways, as people see it:
//  - person → adviser: POST a message through the built-in Direct Line gateway until the adviser's
//    console event stream delivers it;
//  - adviser → person: POST from the console API until the person's Direct Line WebSocket has it.
// Runs the built bot in-process with the helpline forced open (npm run build first; `npm run bench` does).
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const WebSocket = require('ws');
const { startBot } = require('../dist/botApp');
const { loadConfig } = require('../dist/config');
const { createLogger } = require('../dist/logger');
const { SqliteConsoleAccounts } = require('../dist/accounts/sqliteConsoleAccounts');
const { openSqliteDatabase } = require('../dist/storage/sqliteDatabase');

const MESSAGES_EACH_WAY = Number(process.env.BENCH_HANDOFF_MESSAGES ?? 200);
const PASSWORD = 'bench password long enough';

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function waiter() {
  const waiting = new Map();
  return {
    wait: (text) => new Promise((resolve) => waiting.set(text, resolve)),
    arrived: (text) => {
      const resolve = waiting.get(text);
      if (resolve) {
        waiting.delete(text);
        resolve(process.hrtime.bigint());
      }
    },
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'advice-bot-bench-handoff-'));
  const sqlite = join(dir, 'bot.sqlite');
  const db = openSqliteDatabase(sqlite);
  await new SqliteConsoleAccounts(db).create({ username: 'bench', displayName: 'Bench', role: 'adviser', password: PASSWORD });
  db.close();
  const quiet = createLogger(() => undefined, () => undefined);
  const bot = await startBot(loadConfig({ PORT: '0', SQLITE_PATH: sqlite }), quiet, join(__dirname, '..'), { isHelplineOpen: () => true });
  const abort = new AbortController();
  try {
    const login = await fetch(`${bot.url}/api/console/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-console-request': '1' }, body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const consoleHeaders = { cookie, 'x-console-request': '1', 'content-type': 'application/json' };
    const toAdviser = waiter();
    const stream = await fetch(`${bot.url}/api/adviser/events`, { headers: { cookie }, signal: abort.signal });
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of stream.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.startsWith('event: message')) toAdviser.arrived(JSON.parse(/^data: (.*)$/m.exec(block)[1]).text);
          }
        }
      } catch {
        // aborted at the end
      }
    })();

    const session = await (await fetch(`${bot.url}/api/directline/token`, { method: 'POST' })).json();
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const started = await (await fetch(`${session.domain}/conversations`, { method: 'POST', headers })).json();
    const toPerson = waiter();
    const ws = new WebSocket(started.streamUrl);
    ws.on('message', (data) => {
      if (!data.length) return;
      for (const a of JSON.parse(String(data)).activities) if (a.from.id !== session.userId && a.text) toPerson.arrived(a.text);
    });
    await new Promise((r) => ws.once('open', r));
    const say = (text) => fetch(`${session.domain}/conversations/${session.conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text }) });
    await say('talk to a person');
    await say('Yes, share it');
    const state = await (await fetch(`${bot.url}/api/adviser/state`, { headers: consoleHeaders })).json();
    const id = state.queue[0].id;
    await fetch(`${bot.url}/api/adviser/handoffs/${id}/accept`, { method: 'POST', headers: consoleHeaders });

    const personToAdviser = [];
    const adviserToPerson = [];
    for (let i = 0; i < MESSAGES_EACH_WAY; i += 1) {
      const up = `person message ${i}`;
      const arrivedUp = toAdviser.wait(up);
      const t0 = process.hrtime.bigint();
      await say(up);
      personToAdviser.push(Number((await arrivedUp) - t0) / 1e6);

      const down = `adviser message ${i}`;
      const arrivedDown = toPerson.wait(down);
      const t1 = process.hrtime.bigint();
      await fetch(`${bot.url}/api/adviser/handoffs/${id}/messages`, { method: 'POST', headers: consoleHeaders, body: JSON.stringify({ text: down }) });
      adviserToPerson.push(Number((await arrivedDown) - t1) / 1e6);
    }
    ws.close();
    const report = (name, values) => {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(`${name}: median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (${sorted.length} messages)`);
    };
    report('hand-off, person to adviser screen', personToAdviser);
    report('hand-off, adviser to person', adviserToPerson);
  } finally {
    abort.abort();
    await bot.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
