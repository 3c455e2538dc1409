'use strict';
// Retries: every message is sent twice with the same identity, and every reply is counted.
//
// Two real retry paths exist, and both are played:
//  1. The web page (botframework-directlinejs under Web Chat) re-posts a message it got no answer
//     for, with the same channelData.clientActivityID. The built-in gateway maps that id to the
//     activity id it gave the first post, so the second POST answers the same id, is not shown
//     twice, and is delivered to the bot again under the same activity id (like Azure Direct Line
//     re-delivering after a slow answer). The bot's RetryFilter must then drop it. Through the
//     gateway both posts of one conversation are delivered one after the other (its
//     per-conversation queue), even when they were sent at the same moment.
//  2. A channel (Azure Direct Line, Teams) re-sends the activity to /api/messages itself, with the
//     same activity id, possibly while the first delivery is still running. That is played by
//     posting to /api/messages directly, with the replies going to a small connector in this
//     process (local mode only sends replies to loopback addresses, which it is).
// Each message is sent a second time either at the same moment (1 in 4) or after a random
// 1–200 ms. Duplicates = replies beyond what calibration says the message gets.
const { createServer } = require('node:http');
const { performance } = require('node:perf_hooks');
const { randomBytes } = require('node:crypto');
const { connect } = require('./closedLoop');
const { requestJson } = require('./httpJson');
const { forEachLimited, seededRandom, sleep, summarise } = require('./stats');
const { newRecord, newTally, playTurn, reconcile } = require('./turnAccounting');

/** Posts twice: now, and again at the same moment or after a short random delay. */
function doubleSender(random) {
  return async (conversation, text, clientActivityId, timeoutMs) => {
    const together = random() < 0.25;
    const delayMs = together ? 0 : 1 + Math.floor(random() * 200);
    const first = conversation.sendText(text, clientActivityId, timeoutMs);
    const second = (together ? Promise.resolve() : sleep(delayMs)).then(() => conversation.sendText(text, clientActivityId, timeoutMs));
    return Promise.all([first, second]);
  };
}

/** Path 1: `turns` turns through the gateway, `users` people at a time, each playing whole scripts. */
async function retriesThroughGateway({ baseUrl, scripts, expectations, turns, users, seed, timeoutMs = 10000 }) {
  const tally = newTally();
  const random = seededRandom(seed);
  const send = doubleSender(random);
  const latencies = [];
  let nextScript = 0;
  let remaining = turns;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (remaining > 0) {
        const script = nextScript % scripts.length;
        nextScript += 1;
        const length = Math.min(scripts[script].length, remaining);
        remaining -= length;
        let conversation;
        try {
          conversation = await connect(baseUrl, expectations[script]);
        } catch {
          tally.turns += length;
          tally.lostTurns += length;
          continue;
        }
        const record = newRecord();
        for (let turn = 0; turn < length; turn += 1) {
          const result = await playTurn(conversation, scripts[script][turn], expectations[script].turns[turn], { timeoutMs, send, tally, record });
          if (result.ok) latencies.push(result.latencyMs);
        }
        await sleep(300); // a late duplicate would arrive within this
        reconcile(conversation, record, tally);
        conversation.close();
      }
    }),
  );
  return { path: 'gateway (client re-posts with the same clientActivityID)', turns, seconds: Math.round((performance.now() - began) / 100) / 10, latencyMs: summarise(latencies), tally };
}

/** A stand-in for the channel's connector: counts the bot's replies per conversation and replyToId. */
async function startCountingConnector() {
  const replies = new Map();
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method === 'POST' && match) {
        try {
          const activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          const key = `${decodeURIComponent(match[1])}\u0000${activity.replyToId ?? ''}`;
          replies.set(key, (replies.get(key) ?? 0) + 1);
        } catch {
          // not JSON: not a reply
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      counter += 1;
      res.end(JSON.stringify({ id: `connector-${counter}` }));
    });
  });
  server.keepAliveTimeout = 60000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${server.address().port}/`,
    count: (conversationId, replyToId) => replies.get(`${conversationId}\u0000${replyToId}`) ?? 0,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

function channelActivity(connector, conversationId, id, text) {
  return {
    type: 'message',
    id,
    text,
    locale: 'en-GB',
    channelId: 'directline',
    serviceUrl: connector.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `dl_${conversationId}`, name: '', role: 'user' },
    recipient: { id: 'family-advice-bot', name: 'bot', role: 'bot' },
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
  };
}

/** One script through /api/messages; `twice` re-sends every message. Resolves per-turn reply counts. */
async function playScriptDirect({ baseUrl, connector, script, random, twice, conversationId, tally }) {
  const counts = [];
  for (const text of script) {
    const id = `${conversationId}|${randomBytes(6).toString('base64url')}`;
    const body = channelActivity(connector, conversationId, id, text);
    const post = () => requestJson(`${baseUrl}/api/messages`, { method: 'POST', body, timeoutMs: 20000 }).catch((error) => ({ status: error.code ?? 'error' }));
    let answers;
    if (twice) {
      const together = random() < 0.25;
      answers = await Promise.all([post(), (together ? Promise.resolve() : sleep(1 + Math.floor(random() * 200))).then(post)]);
    } else {
      answers = [await post()];
    }
    if (tally) {
      tally.turns += 1;
      for (const answer of answers) tally.postStatuses[answer.status] = (tally.postStatuses[answer.status] ?? 0) + 1;
      if (answers.every((answer) => answer.status !== 200)) {
        tally.lostTurns += 1;
        tally.failedPosts += 1;
      } else tally.completed += 1;
    }
    // Both deliveries have answered, so every reply either of them sent has reached the connector.
    counts.push(connector.count(conversationId, id));
  }
  return counts;
}

/** Path 2: `turns` turns sent straight to /api/messages, each twice, as a channel retries. */
async function retriesFromChannel({ baseUrl, scripts, turns, users, seed }) {
  const connector = await startCountingConnector();
  const random = seededRandom(seed + 1);
  const run = randomBytes(4).toString('hex');
  try {
    // Calibration on this path (no gateway, no greeting): replies per turn with single sends.
    const usedScripts = scripts.slice(0, Math.min(scripts.length, Math.ceil(turns / scripts[0].length)));
    const expected = new Array(usedScripts.length);
    await forEachLimited(usedScripts, 8, async (script, index) => {
      expected[index] = await playScriptDirect({ baseUrl, connector, script, random, twice: false, conversationId: `bench-${run}-calibrate-${index}` });
    });

    const tally = newTally();
    const began = performance.now();
    let next = 0;
    let remaining = turns;
    await Promise.all(
      Array.from({ length: users }, async () => {
        while (remaining > 0) {
          const index = next % usedScripts.length;
          next += 1;
          const script = usedScripts[index].slice(0, Math.min(usedScripts[index].length, remaining));
          remaining -= script.length;
          const counts = await playScriptDirect({ baseUrl, connector, script, random, twice: true, conversationId: `bench-${run}-retry-${next}`, tally });
          counts.forEach((count, turn) => {
            if (count > expected[index][turn]) tally.duplicateReplies += count - expected[index][turn];
            if (count < expected[index][turn]) tally.lostReplies += expected[index][turn] - count;
          });
        }
      }),
    );
    return { path: 'channel (same activity id re-sent to /api/messages)', turns, seconds: Math.round((performance.now() - began) / 100) / 10, tally };
  } finally {
    await connector.stop();
  }
}

module.exports = { retriesThroughGateway, retriesFromChannel };
