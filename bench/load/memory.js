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
 * measured after `warmupSeconds` (see soakGrowth).
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
  return {
    minutes,
    offeredPerSecond: rate,
    ending,
    warmupSeconds,
    ...soakGrowth(samples, warmupSeconds),
    peakRssMb: server.memory().peakRssMb,
    samples,
    load,
  };
}

/**
 * Under steady load resident memory is a saw-tooth: the heap fills with garbage for a minute or two,
 * a full collection gives it back, and it fills again (here it swung between 330 and 575 MB). One
 * sample at each end measures mostly where in the tooth it fell. So the first and last
 * `windowSeconds` after the warm-up are compared twice: by their floor (lowest sample, just after
 * a collection: what is really kept, where a leak shows) and by their median. The target is on the
 * floor; both are printed.
 */
function soakGrowth(samples, warmupSeconds, windowSeconds = 300) {
  const steady = samples.filter((sample) => sample.atSeconds >= warmupSeconds);
  if (steady.length < 2) return { firstWindow: null, lastWindow: null, growthPercent: null, medianGrowthPercent: null };
  const end = steady.at(-1).atSeconds;
  const begin = steady[0].atSeconds;
  const span = Math.min(windowSeconds, (end - begin) / 2);
  const first = summarise(steady.filter((sample) => sample.atSeconds <= begin + span));
  const last = summarise(steady.filter((sample) => sample.atSeconds >= end - span));
  const percent = (from, to) => Math.round(((to - from) / from) * 1000) / 10;
  return { firstWindow: first, lastWindow: last, growthPercent: percent(first.floorMb, last.floorMb), medianGrowthPercent: percent(first.medianMb, last.medianMb) };
}

function summarise(window) {
  const rss = window.map((sample) => sample.rssMb).sort((a, b) => a - b);
  return { fromSeconds: window[0].atSeconds, toSeconds: window.at(-1).atSeconds, floorMb: rss[0], medianMb: rss[Math.floor(rss.length / 2)], peakMb: rss.at(-1) };
}

module.exports = { measureOpenConversations, soak, soakGrowth };
