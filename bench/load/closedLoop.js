'use strict';
// Closed loop: N simulated people, all connected first, then started within one second of each
// other; each sends a message, waits for the bot's whole answer, and sends the next. Throughput is
// turns completed per second from the first start to the last answer; latency is from a message's
// send to its last reply on the stream.
//
// Why not all at the same instant: the server then has to open a new connection for most of the
// 200 deliveries at once (the gateway posts each message to /api/messages over loopback HTTP), and
// since libuv 1.45 (Node 20) a server accepts one connection per event-loop iteration; a busy loop
// then accepts only ~20 a second and the last first-turns wait for seconds (measured: up to 9 s on
// the echo bot). That start-up artefact is reported by `--burst` instead of mixed into throughput.
const { performance } = require('node:perf_hooks');
const { DirectLineConversation } = require('./directLineConversation');
const { forEachLimited, sleep, summarise } = require('./stats');
const { newRecord, newTally, playTurn, reconcile } = require('./turnAccounting');

/** Token, start, stream, greeting: ready for the first message. Resolves the conversation or throws. */
async function connect(baseUrl, expectation) {
  const conversation = await new DirectLineConversation(baseUrl).open();
  if (!(await conversation.waitForGreeting(expectation.greeting))) {
    conversation.close();
    throw new Error('greeting did not arrive within 10 s');
  }
  return conversation;
}

async function runClosedLoop({ baseUrl, scripts, expectations, users, turns, warmupTurns = 0, timeoutMs = 10000, rampMs = 1000, onRelease = () => undefined }) {
  const tally = newTally();
  const people = [];
  let setupFailures = 0;
  await forEachLimited(
    Array.from({ length: users }, (_, index) => index),
    25,
    async (index) => {
      const script = index % scripts.length;
      try {
        people.push({ script, conversation: await connect(baseUrl, expectations[script]), record: newRecord() });
      } catch {
        setupFailures += 1;
      }
    },
  );

  const latencies = [];
  const warmupTally = newTally();
  onRelease();
  const releasedAt = performance.now();
  let firstMeasuredAt = Infinity;
  let lastDoneAt = releasedAt;
  await Promise.all(
    people.map(async (person, index) => {
      await sleep((index * rampMs) / people.length);
      for (let turn = 0; turn < warmupTurns + turns; turn += 1) {
        const measured = turn >= warmupTurns;
        if (measured) firstMeasuredAt = Math.min(firstMeasuredAt, performance.now());
        const text = scripts[person.script][turn];
        const expected = expectations[person.script].turns[turn];
        const result = await playTurn(person.conversation, text, expected, { timeoutMs, tally: measured ? tally : warmupTally, record: person.record });
        if (result.ok && measured) {
          latencies.push(result.latencyMs);
          lastDoneAt = Math.max(lastDoneAt, result.doneAt);
        }
      }
    }),
  );
  const startedAt = Math.min(firstMeasuredAt, lastDoneAt);
  const seconds = (Math.max(lastDoneAt, startedAt + 1) - startedAt) / 1000;

  await sleep(500); // anything still coming (a duplicate, a straggler) arrives before the count
  // Losses and duplicates are counted over every turn, warm-up included.
  tally.lostTurns += warmupTally.lostTurns;
  tally.failedPosts += warmupTally.failedPosts;
  for (const person of people) {
    reconcile(person.conversation, person.record, tally);
    person.conversation.close();
  }
  tally.lostTurns += setupFailures * turns;
  tally.turns += setupFailures * turns;
  return {
    users,
    turnsPerUser: turns,
    warmupTurns,
    warmupCompleted: warmupTally.completed,
    rampMs,
    setupFailures,
    seconds: Math.round(seconds * 100) / 100,
    turnsPerSecond: Math.round((tally.completed / seconds) * 10) / 10,
    latencyMs: summarise(latencies),
    tally,
  };
}

module.exports = { runClosedLoop, connect };
