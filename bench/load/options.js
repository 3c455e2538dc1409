'use strict';
// Command-line flags for bench/loadBench.js.

const HELP = `Usage: node bench/loadBench.js [parts] [settings]     (npm run build first)

Parts (default: --closed --open --memory --retries; name some to run only those):
  --closed                 200 people x 10 turns against the advice bot and the echo bot
  --open                   fixed arrival rate against the advice bot (100 turns/s for 60 s)
  --memory                 resident memory with 1,000 open conversations (fresh processes)
  --retries                10,000 turns each sent twice through the gateway, and 2,000 re-sent
                           straight to /api/messages as a channel does; duplicates must be 0
  --soak-minutes N         steady load for N minutes, resident memory every 10 s (off by default)

Settings:
  --users N                closed loop: people at once (200)
  --turns N                closed loop: measured turns each (10)
  --warmup-turns N         closed loop: unmeasured turns each first (0)
  --ramp-ms N              closed loop: people start spread over this long (1000)
  --open-rate N            open loop: turns offered per second (100)
  --open-seconds N         open loop: how long (60)
  --open-pool N            open loop: conversations in use at once (200)
  --open-bots LIST         open loop against: advice, echo or advice,echo (advice)
  --memory-conversations N (1000)
  --retry-turns N          through the gateway (10000)
  --retry-users N          people at once for the retry part (50)
  --channel-retry-turns N  straight to /api/messages (2000; 0 to skip)
  --soak-rate N            turns per second during the soak (20)
  --soak-pool N            conversations in use at once during the soak (100)
  --soak-warmup-seconds N  growth is measured from the first sample after this (300)
  --soak-ending leave|quick-exit   how people leave during the soak (leave)
  --scripts N              different scripted conversations (50)
  --seed N                 which messages the scripts use (7)
  --timeout-ms N           a turn with no complete answer after this is lost (10000)
  --cpu-profile            write V8 CPU profiles of the servers to bench/results/
  --out FILE               JSON summary (bench/results/load-<time>.json)
  --help`;

const PARTS = ['closed', 'open', 'memory', 'retries'];

const NUMBERS = {
  users: 200,
  turns: 10,
  'warmup-turns': 0,
  'ramp-ms': 1000,
  'open-rate': 100,
  'open-seconds': 60,
  'open-pool': 200,
  'memory-conversations': 1000,
  'retry-turns': 10000,
  'retry-users': 50,
  'channel-retry-turns': 2000,
  'soak-minutes': 0,
  'soak-rate': 20,
  'soak-pool': 100,
  'soak-warmup-seconds': 300,
  scripts: 50,
  seed: 7,
  'timeout-ms': 10000,
};

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

function parseOptions(argv) {
  const options = { parts: new Set(), openBots: ['advice'], soakEnding: 'leave', cpuProfile: false, out: undefined, help: false };
  for (const [name, value] of Object.entries(NUMBERS)) options[camel(name)] = value;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s) : [arg];
    const value = () => {
      const v = inline ?? argv[(i += 1)];
      if (v === undefined) throw new Error(`--${flag} needs a value`);
      return v;
    };
    if (flag === 'help' || arg === '-h') options.help = true;
    else if (PARTS.includes(flag)) options.parts.add(flag);
    else if (flag in NUMBERS) {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${flag} must be a number of 0 or more`);
      options[camel(flag)] = n;
      if (flag === 'soak-minutes' && n > 0) options.parts.add('soak');
    } else if (flag === 'open-bots') {
      options.openBots = value().split(',').map((b) => b.trim()).filter(Boolean);
      if (options.openBots.some((b) => b !== 'advice' && b !== 'echo')) throw new Error('--open-bots takes advice, echo or advice,echo');
    } else if (flag === 'soak-ending') {
      options.soakEnding = value();
      if (!['leave', 'quick-exit'].includes(options.soakEnding)) throw new Error('--soak-ending takes leave or quick-exit');
    } else if (flag === 'cpu-profile') options.cpuProfile = true;
    else if (flag === 'out') options.out = value();
    else throw new Error(`unknown option ${arg} (try --help)`);
  }
  if (options.parts.size === 0) for (const part of PARTS) options.parts.add(part);
  if (options.users < 1 || options.turns < 1 || options.scripts < 1) throw new Error('--users, --turns and --scripts must be at least 1');
  return options;
}

module.exports = { parseOptions, HELP };
