'use strict';
// Resident memory of a server process holding many open conversations, and (optionally) how it
// changes over a long run at steady load.
const { performance } = require('node:perf_hooks');
const { connect } = require('./closedLoop');
const { runOpenLoop } = require('./openLoop');
const { forEachLimited, sleep } = require('./stats');
const { newRecord, newTally, playTurn, reconcile } = require('./turnAccounting');

/**
 * Opens `count` conversations the way people do (token, start, WebSocket stream, greeting, one
 * message and its answer) and keeps them all open, then reads the server's resident memory.
 */
async function measureOpenConversations({ server, scripts, expectations, count, settleMs = 5000 }) {
  const before = server.memory();
  const tally = newTally();
  const open = [];
  let failures = 0;
  const began = performance.now();
  await forEachLimited(Array.from({ length: count }, (_, index) => index), 25, async (index) => {
    const script = index % scripts.length;
    try {
      const conversation = await connect(server.url, expectations[script]);
      const record = newRecord();
      open.push({ conversation, record });
      await playTurn(conversation, scripts[script][0], expectations[script].turns[0], { tally, record });
    } catch {
      failures += 1;
    }
  });
  const openSeconds = (performance.now() - began) / 1000;
  await sleep(settleMs);
  const after = server.memory();
  for (const { conversation, record } of open) reconcile(conversation, record, tally);
  for (const { conversation } of open) conversation.close();
  return {
    conversations: open.length,
    openFailures: failures,
    openSeconds: Math.round(openSeconds * 10) / 10,
    rssBeforeMb: before.rssMb,
    rssMb: after.rssMb,
    peakRssMb: after.peakRssMb,
    perConversationKb: open.length ? Math.round(((after.rssMb - before.rssMb) * 1024) / open.length) : null,
    tally,
  };
}

/**
 * Steady open-loop load for `minutes`, reading resident memory every `sampleSeconds`. Growth is
 * measured from the first sample after `warmupSeconds` to the last.
 */
async function soak({ server, scripts, expectations, minutes, rate, poolSize, warmupSeconds, sampleSeconds = 10, ending }) {
  const samples = [];
  const began = performance.now();
  const timer = setInterval(() => {
    samples.push({ atSeconds: Math.round((performance.now() - began) / 1000), rssMb: server.memory().rssMb, cpuSeconds: Math.round(server.cpuSeconds() * 10) / 10 });
  }, sampleSeconds * 1000);
  let load;
  try {
    load = await runOpenLoop({ baseUrl: server.url, scripts, expectations, rate, seconds: minutes * 60, poolSize, ending });
  } finally {
    clearInterval(timer);
  }
  const steady = samples.filter((sample) => sample.atSeconds >= warmupSeconds);
  const first = steady[0];
  const last = steady.at(-1);
  const growthPercent = first && last && first !== last ? Math.round(((last.rssMb - first.rssMb) / first.rssMb) * 1000) / 10 : null;
  return {
    minutes,
    offeredPerSecond: rate,
    ending,
    warmupSeconds,
    firstSteadySample: first ?? null,
    lastSample: last ?? null,
    growthPercent,
    peakRssMb: server.memory().peakRssMb,
    samples,
    load,
  };
}

module.exports = { measureOpenConversations, soak };
