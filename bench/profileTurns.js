'use strict';
// Where the advice bot's time and memory go, cheaply (issue 7). Runs the built dist/ (npm run build
// first). Two modes:
//
//   node bench/profileTurns.js [--conversations N] [--turns N] [--concurrency N]
//     In-process: the real bot (createAdviceBot) with the app's middleware (turn lock, retry filter),
//     SQLite state in a temporary file and the redacting analytics store, on a TestAdapter: no HTTP,
//     no gateway. The messages are the load benchmark's scripts (bench/load/scripts.js), each
//     conversation greeted first. Prints turns/s and CPU ms per turn of this process. Run it under
//     `node --cpu-prof` to see the hot functions of the bot itself; `--alloc-profile FILE` writes a
//     sampled allocation profile (.heapprofile, garbage included) of the measured turns, and
//     `--turn-profile FILE` a CPU profile (.cpuprofile) of the measured turns only.
//
//   node bench/profileTurns.js --server [--echo] [--users N] [--turns N] [--memory-conversations N] [--cpu-profile]
//     The real server (node dist/index.js, as bench:load starts it) in its own process, driven over
//     the built-in Direct Line gateway by bench/load's closed loop: turns/s, server CPU ms per turn
//     (from /proc), then resident memory with N open conversations in a fresh process. With
//     --cpu-profile the server writes a V8 CPU profile to bench/results/. --echo: the echo bot instead.
//     --node-args "FLAGS": extra node/V8 flags for the server process (e.g. --optimize-for-size).
//
// PROFILE_DUMP_STATE=FILE (in-process) writes one conversation's saved state to FILE, to see what
// each turn serialises. The in-process run takes about 15 s and is part of `npm run bench`; the
// --server run takes a minute or more and is not.
const { mkdtempSync, mkdirSync, rmSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { makeScripts } = require('./load/scripts');

function parseArgs(argv) {
  const options = { server: false, conversations: 200, turns: 10, concurrency: 50, users: 100, memoryConversations: 1000, cpuProfile: false, echo: false, allocProfile: '', turnProfile: '', nodeArgs: '', scripts: 50, seed: 7 };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i].replace(/^--/, '');
    if (flag === 'server') options.server = true;
    else if (flag === 'cpu-profile') options.cpuProfile = true;
    else if (flag === 'echo') options.echo = true;
    else if (flag === 'alloc-profile') options.allocProfile = argv[(i += 1)];
    else if (flag === 'turn-profile') options.turnProfile = argv[(i += 1)];
    else if (flag === 'node-args') options.nodeArgs = argv[(i += 1)];
    else {
      const key = flag.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      if (!(key in options)) throw new Error(`unknown option --${flag}`);
      options[key] = Number(argv[(i += 1)]);
    }
  }
  return options;
}

const round = (n, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
const rssMb = () => round(process.memoryUsage().rss / 1024 / 1024, 1);

async function inProcess(options) {
  const { TestAdapter } = require('botbuilder');
  const dist = (path) => require(`../dist/${path}`);
  const { JsonTrackedConversationState: ConversationState, JsonTrackedUserState: UserState } = dist('storage/jsonTrackedState');
  const { createAdviceBot } = dist('bots/createAdviceBot');
  const { RetryFilter } = dist('bots/retryFilter');
  const { ReplyOutbox } = dist('bots/replyOutbox');
  const { loadKnowledgeBase } = dist('knowledge/knowledgeBase');
  const { openSqliteDatabase } = dist('storage/sqliteDatabase');
  const { SqliteStorage } = dist('storage/sqliteStorage');
  const { InProcessTurnLock, turnLockMiddleware } = dist('storage/conversationTurnLock');
  const { SqliteHandoffStore } = dist('handoff/sqliteHandoffStore');
  const { SqliteCallbackRequests } = dist('handoff/sqliteCallbackRequests');
  const { HandoffDesk } = dist('handoff/handoffDesk');
  const { createOpeningHours } = dist('handoff/openingHours');
  const { DEFAULT_OPENING_HOURS } = dist('handoff/openingHoursSettings');
  // The SQLite event store is moving to its own module; take whichever this build has.
  let EventStore;
  try {
    EventStore = dist('analytics/sqliteEventStore').SqliteEventStore;
  } catch {
    EventStore = dist('analytics/eventStore').EventStore;
  }
  const { redactingSink } = dist('analytics/redactingSink');
  const { loadVocabulary } = dist('analytics/vocabulary');
  const { createLogger } = dist('logger');

  const dir = mkdtempSync(join(os.tmpdir(), 'advice-bot-profile-'));
  const startRss = rssMb();
  const loadStarted = performance.now();
  const database = openSqliteDatabase(join(dir, 'bot.sqlite'));
  const storage = new SqliteStorage(database);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const log = createLogger(() => undefined, () => undefined);
  const knowledge = loadKnowledgeBase(join(__dirname, '..'));
  loadVocabulary();
  const hours = createOpeningHours(DEFAULT_OPENING_HOURS);
  const desk = new HandoffDesk(new SqliteHandoffStore(database), { maxQueue: 20, chatsPerAdviser: 2, idleAskMinutes: 5, idleReleaseMinutes: 3, noAdviserGraceMinutes: 2 }, (at) => hours.isOpen(at));
  const bot = createAdviceBot(conversationState, userState, knowledge, {
    botDisplayName: 'Family Rights Advice Bot',
    maxMessageLength: 4000,
    handoff: { desk, callbacks: new SqliteCallbackRequests(database), nextOpening: (at) => hours.nextOpening(at), sendHandoffEvent: true, send: async () => undefined, log },
    analytics: redactingSink([new EventStore(database)]),
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(turnLockMiddleware(new InProcessTurnLock({ log })));
  adapter.use(new RetryFilter(conversationState.createProperty('handledActivityIds'), new ReplyOutbox(conversationState)));
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const loadMs = performance.now() - loadStarted;
  const loadedRss = rssMb();

  const scripts = makeScripts(options.scripts, options.turns, options.seed);
  let nextId = 0;
  let replies = 0;
  const send = async (conversationId, activity) => {
    await adapter.processActivity({
      ...activity,
      id: `a${(nextId += 1)}`,
      channelId: 'directline',
      from: { id: `user-${conversationId}`, name: '' },
      recipient: { id: 'bot', name: 'bot' },
      conversation: { id: conversationId },
      serviceUrl: 'https://test.invalid',
    });
    replies += adapter.activeQueue.length;
    adapter.activeQueue.length = 0;
  };
  const conversation = async (index, turns) => {
    const id = `profile-${index}`;
    await send(id, { type: 'conversationUpdate', membersAdded: [{ id: 'bot' }, { id: `user-${id}` }] });
    for (let t = 0; t < turns; t += 1) await send(id, { type: 'message', text: scripts[index % scripts.length][t] });
  };
  const runAll = async (count, turns, offset) => {
    let next = 0;
    const worker = async () => {
      while (next < count) await conversation(offset + next++, turns);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, worker));
  };

  // Warm-up: every script once (JIT, lazy recognizer models, spelling cache).
  await runAll(options.scripts, options.turns, 1_000_000);
  global.gc?.();
  const allocations = options.allocProfile ? await startAllocationSampling() : undefined;
  const cpuProfile = options.turnProfile ? await startCpuProfile() : undefined;
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  replies = 0;
  await runAll(options.conversations, options.turns, 0);
  const seconds = (performance.now() - began) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const turns = options.conversations * (options.turns + 1);
  if (allocations) await allocations.stop(options.allocProfile);
  if (cpuProfile) await cpuProfile.stop(options.turnProfile);
  global.gc?.();
  const heap = process.memoryUsage();
  if (process.env.PROFILE_DUMP_STATE) require('node:fs').writeFileSync(process.env.PROFILE_DUMP_STATE, database.prepare("SELECT key, value FROM bot_state WHERE key LIKE '%/conversations/profile-1/%' OR key LIKE '%/conversations/profile-1'").get()?.value ?? '');
  const stateBytes = database.prepare("SELECT avg(length(value)) AS mean, max(length(value)) AS max FROM bot_state WHERE key LIKE '%/conversations/profile-%'").get();
  console.log(JSON.stringify({
    mode: 'in-process',
    conversations: options.conversations,
    turnsEach: options.turns,
    concurrency: options.concurrency,
    turns,
    repliesPerTurn: round(replies / turns),
    seconds: round(seconds),
    turnsPerSecond: round(turns / seconds, 1),
    cpuMsPerTurn: round((cpu.user + cpu.system) / 1000 / turns, 3),
    startupMs: Math.round(loadMs),
    rssMb: { atStart: startRss, afterLoad: loadedRss, atEnd: rssMb() },
    heapUsedMb: round(heap.heapUsed / 1024 / 1024, 1),
    conversationStateBytes: { mean: Math.round(stateBytes.mean ?? 0), max: stateBytes.max },
  }, null, 2));
  await bot.handoff.delivery.stop?.();
  database.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Samples every allocation (collected or not) until stop(file), which writes a .heapprofile that
 * Chrome DevTools opens: where the garbage each turn makes comes from.
 */
async function startAllocationSampling() {
  const { Session } = require('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return {
    async stop(file) {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      require('node:fs').writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** A V8 CPU profile of the measured turns only (no start-up, no warm-up): stop(file) writes a .cpuprofile. */
async function startCpuProfile() {
  const { Session } = require('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      require('node:fs').writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function againstServer(options) {
  const { calibrate } = require('./load/expectations');
  const { runClosedLoop } = require('./load/closedLoop');
  const { measureOpenConversations } = require('./load/memory');
  const { startAdviceBot, startEchoBot } = require('./load/processes');
  const nodeArgs = options.nodeArgs.split(' ').filter(Boolean);
  const start = (dataDir, profileDir) => (options.echo ? startEchoBot : startAdviceBot)(dataDir, profileDir, nodeArgs);
  const { closeIdleSockets } = require('./load/httpJson');
  const tempRoot = mkdtempSync(join(os.tmpdir(), 'advice-bot-profile-'));
  const profileDir = options.cpuProfile ? join(__dirname, 'results', `profile-${Date.now()}`) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const scripts = makeScripts(options.scripts, options.turns, options.seed);
  const result = { mode: 'server', bot: options.echo ? 'echo' : 'advice', nodeArgs, users: options.users, turnsEach: options.turns };
  try {
    const server = await start(mkdtempSync(join(tempRoot, 'advice-')), profileDir);
    try {
      const { expectations } = await calibrate(server.url, scripts);
      let cpuAtRelease = 0;
      const run = await runClosedLoop({ baseUrl: server.url, scripts, expectations, users: options.users, turns: options.turns, onRelease: () => (cpuAtRelease = server.cpuSeconds()) });
      const completed = run.tally.completed;
      result.closed = {
        turnsPerSecond: run.turnsPerSecond,
        latencyMs: run.latencyMs,
        serverCpuMsPerTurn: completed ? round(((server.cpuSeconds() - cpuAtRelease) * 1000) / completed) : null,
        lostTurns: run.tally.lostTurns,
        rssAfterMb: server.memory().rssMb,
      };
    } finally {
      await server.stop();
    }
    if (options.memoryConversations > 0) {
      const firstTurns = scripts.map((s) => s.slice(0, 1));
      const fresh = await start(mkdtempSync(join(tempRoot, 'memory-')));
      try {
        const { expectations } = await calibrate(fresh.url, firstTurns);
        const memory = await measureOpenConversations({ server: fresh, scripts: firstTurns, expectations, count: options.memoryConversations });
        result.memory = { conversations: memory.conversations, rssBeforeMb: memory.rssBeforeMb, rssMb: memory.rssMb, peakRssMb: memory.peakRssMb, perConversationKb: memory.perConversationKb };
      } finally {
        await fresh.stop();
      }
    }
  } finally {
    closeIdleSockets();
    rmSync(tempRoot, { recursive: true, force: true });
  }
  if (profileDir) result.profileDir = profileDir;
  console.log(JSON.stringify(result, null, 2));
}

const options = parseArgs(process.argv.slice(2));
(options.server ? againstServer(options) : inProcess(options)).catch((error) => {
  console.error(error);
  process.exit(1);
});
