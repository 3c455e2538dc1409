'use strict';
// Open loop: turns arrive on a fixed schedule (rate per second), whatever the server is doing, and
// each turn's latency is measured from when it was scheduled, not from when it could be sent, so
// a slow server shows up as queueing delay instead of silently lowering the offered load
// (no coordinated omission). Turns are spread over a pool of conversations, each with at most
// one turn in flight; a scheduled turn with no free conversation waits in a backlog (its wait
// counts). A conversation that has played its script (10 messages) leaves and a new person
// arrives in its place, as on the real site.
const { performance } = require('node:perf_hooks');
const { connect } = require('./closedLoop');
const { forEachLimited, sleep, summarise } = require('./stats');
const { newRecord, newTally, playTurn, reconcile } = require('./turnAccounting');

/**
 * A pool of ready conversations that replaces those that finish their script.
 * `ending`: 'leave' (close the page) or 'quick-exit' (send Quick Exit first, so the gateway forgets at once).
 */
class ConversationPool {
  constructor({ baseUrl, scripts, expectations, tally, ending = 'leave', settleMs = 2000 }) {
    Object.assign(this, { baseUrl, scripts, expectations, tally, ending, settleMs });
    this.idle = [];
    this.opened = 0;
    this.openFailures = 0;
    this.retiring = new Set();
    this.onIdle = (person) => this.idle.push(person);
  }

  async add() {
    const script = this.opened % this.scripts.length;
    this.opened += 1;
    try {
      const conversation = await connect(this.baseUrl, this.expectations[script]);
      this.release({ conversation, script, turn: 0, record: newRecord() });
    } catch {
      this.openFailures += 1;
    }
  }

  /** A conversation free for its next turn (or finished, in which case a newcomer replaces it). */
  release(person) {
    if (person.turn >= this.scripts[person.script].length) {
      this.retire(person);
      void this.add();
      return;
    }
    this.onIdle(person);
  }

  retire(person) {
    const task = (async () => {
      if (this.ending === 'quick-exit') {
        await person.conversation.post({ type: 'event', name: 'quickExit' }).catch(() => undefined);
      }
      await sleep(this.settleMs); // a duplicate would arrive within this
      reconcile(person.conversation, person.record, this.tally);
      person.conversation.close();
    })();
    this.retiring.add(task);
    void task.finally(() => this.retiring.delete(task));
  }

  async drain() {
    for (const person of this.idle.splice(0)) this.retire(person);
    await Promise.all([...this.retiring]);
  }
}

/** Offers `rate` turns per second for `seconds`; resolves the figures. */
async function runOpenLoop({ baseUrl, scripts, expectations, rate, seconds, poolSize, timeoutMs = 10000, ending = 'leave' }) {
  const tally = newTally();
  const pool = new ConversationPool({ baseUrl, scripts, expectations, tally, ending });
  await forEachLimited(Array.from({ length: poolSize }), 25, () => pool.add());

  const latencies = [];
  const serviceTimes = [];
  const backlog = [];
  let maxBacklog = 0;
  let startedLate = 0;
  let inFlight = 0;
  let lastDoneAt = 0;

  const run = async (person, scheduledAt) => {
    inFlight += 1;
    if (performance.now() - scheduledAt > 10) startedLate += 1;
    const turn = person.turn;
    person.turn += 1;
    const result = await playTurn(person.conversation, scripts[person.script][turn], expectations[person.script].turns[turn], {
      from: scheduledAt,
      timeoutMs,
      tally,
      record: person.record,
    });
    inFlight -= 1;
    if (result.ok) {
      latencies.push(result.latencyMs);
      serviceTimes.push(result.serviceMs);
      lastDoneAt = Math.max(lastDoneAt, result.doneAt);
    }
    pool.release(person);
  };
  pool.onIdle = (person) => {
    if (backlog.length > 0) void run(person, backlog.shift());
    else pool.idle.push(person);
  };

  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const startAt = performance.now() + 50;
  for (let k = 0; k < total; k += 1) {
    const due = startAt + k * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    else if (k % 20 === 0) await new Promise((resolve) => setImmediate(resolve)); // let replies in while catching up
    const person = pool.idle.shift();
    if (person) void run(person, due);
    else {
      backlog.push(due);
      maxBacklog = Math.max(maxBacklog, backlog.length);
    }
  }
  const scheduleEnd = startAt + total * interval;
  // Let what was scheduled finish (or time out).
  const drainDeadline = performance.now() + timeoutMs + 6000;
  while ((inFlight > 0 || backlog.length > 0) && performance.now() < drainDeadline) await sleep(50);
  const neverStarted = backlog.length;
  tally.turns += neverStarted;
  tally.lostTurns += neverStarted;
  backlog.length = 0;
  await pool.drain();

  const activeSeconds = (Math.max(lastDoneAt, scheduleEnd) - startAt) / 1000;
  return {
    offeredPerSecond: rate,
    seconds,
    scheduled: total,
    poolSize,
    conversationsOpened: pool.opened,
    conversationOpenFailures: pool.openFailures,
    achievedPerSecond: Math.round((tally.completed / activeSeconds) * 10) / 10,
    latencyFromScheduleMs: summarise(latencies),
    serviceTimeMs: summarise(serviceTimes),
    startedLate,
    maxBacklog,
    neverStarted,
    tally,
  };
}

module.exports = { runOpenLoop };
