'use strict';
// The targets from issue 7, the verdicts, and the printed summary.

const TARGETS = {
  closedThroughputRatioMin: 0.7, // advice bot turns/s ÷ echo bot turns/s, closed loop
  openP99MaxMs: 100, // at 100 turns/s offered
  rssAtOpenConversationsMaxMb: 300, // 1,000 open conversations
  soakGrowthMaxPercent: 5,
};

const LOSS_FIELDS = ['lostTurns', 'lostReplies', 'missingEchoes'];
const DUPLICATE_FIELDS = ['duplicateReplies', 'repeatedActivities', 'duplicateEchoes', 'retryIdMismatches'];

/** Every problem in one tally, as readable phrases. */
function tallyProblems(label, tally) {
  const problems = [];
  for (const field of [...LOSS_FIELDS, ...DUPLICATE_FIELDS]) {
    if (tally[field] > 0) problems.push(`${label}: ${tally[field]} ${field}`);
  }
  return problems;
}

/** Compares results with the targets; returns the list of failures (empty = all met). */
function verdicts(results) {
  const failures = [];
  const closed = results.closed;
  if (closed) {
    if (closed.ratio !== null && closed.ratio < TARGETS.closedThroughputRatioMin) {
      failures.push(`closed loop: advice bot throughput is ${pct(closed.ratio)} of the echo bot's (target at least ${pct(TARGETS.closedThroughputRatioMin)})`);
    }
    for (const [bot, run] of Object.entries(closed.bots)) failures.push(...tallyProblems(`closed loop, ${bot}`, run.tally));
  }
  for (const [bot, run] of Object.entries(results.open ?? {})) {
    if (bot === 'advice' && run.offeredPerSecond >= 100 && !(run.latencyFromScheduleMs.p99 < TARGETS.openP99MaxMs)) {
      failures.push(`open loop, ${bot}: p99 ${run.latencyFromScheduleMs.p99} ms at ${run.offeredPerSecond} turns/s offered (target under ${TARGETS.openP99MaxMs} ms)`);
    }
    failures.push(...tallyProblems(`open loop, ${bot}`, run.tally));
  }
  const memory = results.memory?.advice;
  if (memory) {
    if (!(memory.rssMb < TARGETS.rssAtOpenConversationsMaxMb)) {
      failures.push(`memory: advice bot resident memory ${memory.rssMb} MB with ${memory.conversations} open conversations (target under ${TARGETS.rssAtOpenConversationsMaxMb} MB)`);
    }
    if (memory.openFailures > 0) failures.push(`memory: ${memory.openFailures} conversations could not be opened`);
    if (memory.stillOpen !== memory.conversations) failures.push(`memory: only ${memory.stillOpen} of ${memory.conversations} streams were still open at the end`);
    failures.push(...tallyProblems('memory', memory.tally));
  }
  for (const run of results.retries ?? []) failures.push(...tallyProblems(`retries via ${run.path.split(' ')[0]}`, run.tally));
  const soak = results.soak;
  if (soak) {
    if (soak.growthPercent === null) failures.push('soak: too short to measure growth (needs two samples after the warm-up)');
    else if (soak.growthPercent > TARGETS.soakGrowthMaxPercent) failures.push(`soak: resident memory (floor) grew ${soak.growthPercent}% after the warm-up (target at most ${TARGETS.soakGrowthMaxPercent}%)`);
    failures.push(...tallyProblems('soak', soak.load.tally));
  }
  return failures;
}

const pct = (ratio) => `${Math.round(ratio * 1000) / 10}%`;
const ms = (value) => (value === null || value === undefined ? '-' : `${value}`);
const pad = (text, width) => String(text).padEnd(width);
const lossSum = (t) => LOSS_FIELDS.reduce((sum, f) => sum + t[f], 0);
const dupSum = (t) => DUPLICATE_FIELDS.reduce((sum, f) => sum + t[f], 0);

function table(rows) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? pad(cell, widths[col]) : String(cell).padStart(widths[col]))).join('   ')).join('\n');
}

function printSummary(results, failures, print = console.log) {
  const env = results.environment;
  print(`\nLoad benchmark, ${results.startedAt} — ${env.cpus} CPUs, node ${env.node}; load average at start ${env.loadAverageAtStart.join(' ')}, at end ${env.loadAverageAtEnd.join(' ')}`);
  const closed = results.closed;
  if (closed) {
    const e = closed.bots.echo;
    const a = closed.bots.advice;
    print(`\nClosed loop: ${a.users} conversations x ${a.turnsPerUser} turns (started over ${a.rampMs} ms), through the Direct Line gateway`);
    print(
      table([
        ['', 'echo bot', 'advice bot', 'advice / echo'],
        ['turns per second', e.turnsPerSecond, a.turnsPerSecond, closed.ratio === null ? '-' : pct(closed.ratio)],
        ['p50 turn latency (ms)', ms(e.latencyMs.p50), ms(a.latencyMs.p50), ''],
        ['p95 turn latency (ms)', ms(e.latencyMs.p95), ms(a.latencyMs.p95), ''],
        ['p99 turn latency (ms)', ms(e.latencyMs.p99), ms(a.latencyMs.p99), ''],
        ['max turn latency (ms)', ms(e.latencyMs.max), ms(a.latencyMs.max), ''],
        ['server CPU per turn (ms)', ms(e.serverCpuMsPerTurn), ms(a.serverCpuMsPerTurn), e.serverCpuMsPerTurn && a.serverCpuMsPerTurn ? `${(a.serverCpuMsPerTurn / e.serverCpuMsPerTurn).toFixed(1)}x` : ''],
        ['load generator CPU per turn (ms)', ms(e.generatorCpuMsPerTurn), ms(a.generatorCpuMsPerTurn), ''],
        ['replies per turn', e.repliesPerTurn, a.repliesPerTurn, ''],
        ['accept queue max / mean', `${e.acceptQueue.max} / ${e.acceptQueue.mean}`, `${a.acceptQueue.max} / ${a.acceptQueue.mean}`, ''],
        ['lost (turns / replies)', `${e.tally.lostTurns} / ${e.tally.lostReplies}`, `${a.tally.lostTurns} / ${a.tally.lostReplies}`, ''],
        ['duplicated replies', dupSum(e.tally), dupSum(a.tally), ''],
        ['resident memory after (MB)', e.rssAfterMb, a.rssAfterMb, ''],
      ]),
    );
  }
  for (const [bot, run] of Object.entries(results.open ?? {})) {
    print(`\nOpen loop, ${bot} bot: ${run.offeredPerSecond} turns/s offered for ${run.seconds} s over ${run.poolSize} conversations at a time`);
    print(
      table([
        ['', 'value'],
        ['achieved turns per second', run.achievedPerSecond],
        ['latency from schedule p50 / p95 / p99 / max (ms)', `${ms(run.latencyFromScheduleMs.p50)} / ${ms(run.latencyFromScheduleMs.p95)} / ${ms(run.latencyFromScheduleMs.p99)} / ${ms(run.latencyFromScheduleMs.max)}`],
        ['service time (from send) p50 / p99 (ms)', `${ms(run.serviceTimeMs.p50)} / ${ms(run.serviceTimeMs.p99)}`],
        ['turns sent over 10 ms after their scheduled time', `${run.startedLate} (backlog at most ${run.maxBacklog})`],
        ['server CPU busy (of one core)', run.serverCpuShare === undefined ? '-' : pct(run.serverCpuShare)],
        ['accept queue max / mean', `${run.acceptQueue.max} / ${run.acceptQueue.mean}`],
        ['lost (turns / replies) / duplicated', `${run.tally.lostTurns} / ${run.tally.lostReplies} / ${dupSum(run.tally)}`],
      ]),
    );
  }
  if (results.memory) {
    print('\nMemory: conversations held open (token, stream, greeting, one message each), fresh processes');
    const rows = [['', 'conversations', 'RSS before (MB)', 'RSS 5 s after opening (MB)', 'RSS at rest, still open (MB)', 'peak RSS (MB)', 'per conversation (KB)', 'streams open at end']];
    for (const [bot, m] of Object.entries(results.memory)) {
      rows.push([`${bot} bot`, m.conversations, m.rssBeforeMb, m.rssJustOpenedMb, `${m.rssMb} (after ${m.secondsToRest} s)`, m.peakRssMb, ms(m.perConversationKb), m.stillOpen]);
    }
    print(table(rows));
  }
  if (results.retries) {
    print('\nRetries: each message sent twice with the same identity');
    const rows = [['path', 'turns', 'turns/s', 'lost turns', 'duplicate replies', 'other duplicates']];
    for (const run of results.retries) {
      const t = run.tally;
      rows.push([run.path, run.turns, Math.round((t.completed / run.seconds) * 10) / 10, t.lostTurns + t.lostReplies, t.duplicateReplies, t.repeatedActivities + t.duplicateEchoes + t.retryIdMismatches]);
    }
    print(table(rows));
  }
  if (results.soak) {
    const s = results.soak;
    print(`\nSoak: ${s.minutes} min at ${s.offeredPerSecond} turns/s (people ${s.ending === 'leave' ? 'close the page' : 'use Quick Exit'} after 10 messages)`);
    const w = (x) => (x ? `${x.floorMb} / ${x.medianMb} / ${x.peakMb} MB (${x.fromSeconds}-${x.toSeconds} s)` : '-');
    print(`  resident memory floor / median / peak, first window after the ${s.warmupSeconds} s warm-up: ${w(s.firstWindow)}`);
    print(`  the same, last window: ${w(s.lastWindow)}`);
    print(`  growth: floor ${s.growthPercent ?? '-'}%, median ${s.medianGrowthPercent ?? '-'}% (peak of the run ${s.peakRssMb} MB); p99 ${s.load.latencyFromScheduleMs.p99} ms; lost ${lossSum(s.load.tally)}, duplicated ${dupSum(s.load.tally)}`);
  }
  for (const [name, p] of Object.entries(results.serverLogs ?? {})) {
    if (p.warnings + p.errors > 0) print(`\n${name} logged ${p.warnings} warnings and ${p.errors} errors: ${JSON.stringify(p.events)}`);
  }
  print(failures.length === 0 ? '\nAll targets met; nothing lost or duplicated.' : `\nMISSED (${failures.length}):\n- ${failures.join('\n- ')}`);
}

module.exports = { TARGETS, verdicts, printSummary };
