'use strict';
// Runs the parts that were asked for, in order, each against the right server process, and
// gathers one results object.
const { execFileSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const { watchAcceptQueue } = require('./acceptQueue');
const { calibrate } = require('./expectations');
const { runClosedLoop } = require('./closedLoop');
const { runOpenLoop } = require('./openLoop');
const { measureOpenConversations, soak } = require('./memory');
const { retriesFromChannel, retriesThroughGateway } = require('./retries');
const { startAdviceBot, startEchoBot, ROOT } = require('./processes');
const { makeScripts } = require('./scripts');
const { closeIdleSockets } = require('./httpJson');

const SCRIPT_LENGTH = 10; // messages a person sends before leaving (open loop, retries, soak)
const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
const portOf = (server) => Number(new URL(server.url).port);

function environment() {
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return { node: process.version, cpus: os.cpus().length, commit, loadAverageAtStart: loadAverage() };
}

/** Starts a server and calibrates `scripts` on it; `log` reports progress. */
async function prepare(kind, scripts, context, log) {
  const start = kind === 'echo' ? startEchoBot : startAdviceBot;
  const dataDir = mkdtempSync(join(context.tempRoot, `${kind}-`));
  const server = await start(dataDir, context.profileDir);
  log(`${kind} bot started (pid ${server.pid}, ${server.memory().rssMb} MB); calibrating ${scripts.length} scripts`);
  const calibration = await calibrate(server.url, scripts);
  log(`${kind} bot: ${JSON.stringify(calibration.summary)}`);
  context.calibrations[kind] = calibration.summary;
  return { server, expectations: calibration.expectations };
}

async function stopServer(name, server, context) {
  context.serverLogs[name] = server.problems();
  await server.stop();
}

async function closedLoopFor(kind, bot, scripts, options, log) {
  log(`closed loop, ${kind} bot: ${options.users} people x ${options.turns} turns`);
  const queue = watchAcceptQueue(portOf(bot.server));
  let cpuAtRelease = 0;
  let ownCpuAtRelease;
  const run = await runClosedLoop({
    baseUrl: bot.server.url,
    scripts,
    expectations: bot.expectations,
    users: options.users,
    turns: options.turns,
    warmupTurns: options.warmupTurns,
    rampMs: options.rampMs,
    timeoutMs: options.timeoutMs,
    onRelease: () => {
      cpuAtRelease = bot.server.cpuSeconds();
      ownCpuAtRelease = process.cpuUsage();
    },
  });
  const cpu = bot.server.cpuSeconds() - cpuAtRelease;
  const ownCpu = process.cpuUsage(ownCpuAtRelease);
  const completed = run.tally.completed + run.warmupCompleted;
  const people = Array.from({ length: options.users }, (_, i) => bot.expectations[i % scripts.length].turns.slice(options.warmupTurns, options.warmupTurns + options.turns));
  const replies = people.flat().reduce((sum, t) => sum + t.count, 0);
  return {
    ...run,
    acceptQueue: queue.stop(),
    serverCpuMsPerTurn: completed ? Math.round((cpu * 1000 * 100) / completed) / 100 : null,
    // The load generator shares the machine; its cost grows with the replies it reads.
    generatorCpuMsPerTurn: completed ? Math.round(((ownCpu.user + ownCpu.system) / 1000 / completed) * 100) / 100 : null,
    repliesPerTurn: Math.round((replies / people.flat().length) * 100) / 100,
    rssAfterMb: bot.server.memory().rssMb,
  };
}

async function openLoopFor(kind, bot, scripts, options, log) {
  log(`open loop, ${kind} bot: ${options.openRate} turns/s for ${options.openSeconds} s`);
  const queue = watchAcceptQueue(portOf(bot.server));
  const cpuBefore = bot.server.cpuSeconds();
  const began = Date.now();
  const run = await runOpenLoop({
    baseUrl: bot.server.url,
    scripts: scripts.map((s) => s.slice(0, SCRIPT_LENGTH)),
    expectations: bot.expectations,
    rate: options.openRate,
    seconds: options.openSeconds,
    poolSize: options.openPool,
    timeoutMs: options.timeoutMs,
  });
  const share = (bot.server.cpuSeconds() - cpuBefore) / ((Date.now() - began) / 1000);
  return { ...run, serverCpuShare: Math.round(share * 1000) / 1000, acceptQueue: queue.stop(), rssAfterMb: bot.server.memory().rssMb };
}

async function memoryFor(kind, scripts, options, context, log) {
  // Only the greeting and first message are needed; a fresh process so earlier parts do not count.
  const firstTurns = scripts.map((s) => s.slice(0, 1));
  const bot = await prepare(kind, firstTurns, context, log);
  try {
    log(`memory, ${kind} bot: opening ${options.memoryConversations} conversations`);
    return await measureOpenConversations({ server: bot.server, scripts: firstTurns, expectations: bot.expectations, count: options.memoryConversations });
  } finally {
    await stopServer(`${kind} bot (memory)`, bot.server, context);
  }
}

async function runAll(options, log) {
  const results = { startedAt: new Date().toISOString(), environment: environment(), options: { ...options, parts: [...options.parts] } };
  const context = { tempRoot: mkdtempSync(join(os.tmpdir(), 'advice-bot-load-')), calibrations: {}, serverLogs: {}, profileDir: undefined };
  if (options.cpuProfile) {
    context.profileDir = join(ROOT, 'bench', 'results', `profiles-${results.startedAt.replace(/[:.]/g, '-')}`);
    mkdirSync(context.profileDir, { recursive: true });
    results.profileDir = context.profileDir;
  }
  const parts = options.parts;
  const length = Math.max(SCRIPT_LENGTH, options.warmupTurns + options.turns);
  const scripts = makeScripts(options.scripts, length, options.seed);
  try {
    const needsAdvice = parts.has('closed') || parts.has('retries') || (parts.has('open') && options.openBots.includes('advice'));
    const needsEcho = parts.has('closed') || (parts.has('open') && options.openBots.includes('echo'));
    const bots = {};
    if (needsEcho) bots.echo = await prepare('echo', scripts, context, log);
    if (needsAdvice) bots.advice = await prepare('advice', scripts, context, log);

    if (parts.has('closed')) {
      const echo = await closedLoopFor('echo', bots.echo, scripts, options, log);
      const advice = await closedLoopFor('advice', bots.advice, scripts, options, log);
      results.closed = { bots: { echo, advice }, ratio: echo.turnsPerSecond > 0 ? Math.round((advice.turnsPerSecond / echo.turnsPerSecond) * 1000) / 1000 : null };
    }
    if (parts.has('open')) {
      results.open = {};
      for (const kind of options.openBots) results.open[kind] = await openLoopFor(kind, bots[kind], scripts, options, log);
    }
    if (bots.echo) await stopServer('echo bot', bots.echo.server, context);
    if (parts.has('retries')) {
      results.retries = [];
      const common = { baseUrl: bots.advice.server.url, scripts: scripts.map((s) => s.slice(0, SCRIPT_LENGTH)), users: options.retryUsers, seed: options.seed };
      log(`retries through the gateway: ${options.retryTurns} turns, each posted twice`);
      results.retries.push(await retriesThroughGateway({ ...common, expectations: bots.advice.expectations, turns: options.retryTurns, timeoutMs: options.timeoutMs }));
      if (options.channelRetryTurns > 0) {
        log(`retries from a channel: ${options.channelRetryTurns} turns, each sent twice to /api/messages`);
        results.retries.push(await retriesFromChannel({ ...common, turns: options.channelRetryTurns }));
      }
    }
    if (bots.advice) {
      results.adviceBotRssAfterMb = bots.advice.server.memory();
      await stopServer('advice bot', bots.advice.server, context);
    }

    if (parts.has('memory')) {
      results.memory = {};
      results.memory.advice = await memoryFor('advice', scripts, options, context, log);
      results.memory.echo = await memoryFor('echo', scripts, options, context, log);
    }
    if (parts.has('soak')) {
      const bot = await prepare('advice', scripts.map((s) => s.slice(0, SCRIPT_LENGTH)), context, log);
      try {
        log(`soak: ${options.soakMinutes} min at ${options.soakRate} turns/s`);
        results.soak = await soak({
          server: bot.server,
          scripts: scripts.map((s) => s.slice(0, SCRIPT_LENGTH)),
          expectations: bot.expectations,
          minutes: options.soakMinutes,
          rate: options.soakRate,
          poolSize: options.soakPool,
          warmupSeconds: options.soakWarmupSeconds,
          ending: options.soakEnding,
        });
      } finally {
        await stopServer('advice bot (soak)', bot.server, context);
      }
    }
  } finally {
    closeIdleSockets();
    rmSync(context.tempRoot, { recursive: true, force: true });
  }
  results.calibrations = context.calibrations;
  results.serverLogs = context.serverLogs;
  results.environment.loadAverageAtEnd = loadAverage();
  results.finishedAt = new Date().toISOString();
  return results;
}

module.exports = { runAll };
