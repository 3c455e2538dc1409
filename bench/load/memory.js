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
 * message and its answer) and keeps them all open, then reads the server's resident memory: once
 * 5 s after the last one opened (garbage from opening them included), and again at rest, after
 * V8's memory reducer has collected that garbage. The reducer starts some seconds after allocation
 * slows and works in rounds (here the big drop came 35–65 s after the last conversation opened),
 * so this waits at least `minRestMs`, then until resident memory holds steady for three samples,
 * or `restMs` at most. Every stream must still be open at the end.
 */
async function measureOpenConversations({ server, scripts, expectations, count, settleMs = 5000, minRestMs = 90000, restMs = 150000, sampleMs = 5000 }) {
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
  const atRest = await waitForRest(server, after.rssMb, { minRestMs, restMs, sampleMs });
  const stillOpen = open.filter(({ conversation }) => conversation.isStreaming()).length;
  for (const { conversation, record } of open) reconcile(conversation, record, tally);
  for (const { conversation } of open) conversation.close();
  return {
    conversations: open.length,
    openFailures: failures,
    openSeconds: Math.round(openSeconds * 10) / 10,
    rssBeforeMb: before.rssMb,
    rssJustOpenedMb: after.rssMb,
    rssMb: atRest.rssMb,
    secondsToRest: atRest.seconds,
    peakRssMb: server.memory().peakRssMb,
    perConversationKb: open.length ? Math.round(((atRest.rssMb - before.rssMb) * 1024) / open.length) : null,
    stillOpen,
    tally,
  };
}

/** Samples resident memory for at least `minRestMs`, then until it has changed by under 1% three times running. */
async function waitForRest(server, startMb, { minRestMs, restMs, sampleMs }) {
  const began = performance.now();
  let last = startMb;
  let steady = 0;
  while (performance.now() - began < restMs) {
    await sleep(sampleMs);
    const { rssMb } = server.memory();
    steady = Math.abs(rssMb - last) < last * 0.01 ? steady + 1 : 0;
    last = rssMb;
    if (steady >= 3 && performance.now() - began >= minRestMs) break;
  }
  return { rssMb: last, seconds: Math.round((performance.now() - began) / 1000) };
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
