'use strict';
// Starts each server as its own process (so its memory is its own), waits until it answers,
// reads its resident memory from /proc, and stops it.
const { spawn } = require('node:child_process');
const { closeSync, openSync, readFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { join, resolve } = require('node:path');
const { requestJson } = require('./httpJson');
const { sleep } = require('./stats');

const ROOT = resolve(__dirname, '..', '..');
/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc/<pid>/status. */
function readMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  };
  return { rssMb: field('VmRSS'), peakRssMb: field('VmHWM') };
}

/** CPU time (user + system) the process has used so far, in seconds, from /proc/<pid>/stat. */
function readCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which is in parentheses and may hold spaces); utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Warnings and errors the server logged (one JSON object per line). */
function logProblems(logFile) {
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return { warnings: 0, errors: 0, events: {} };
  }
  const events = {};
  let warnings = 0;
  let errors = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line);
      if (entry.level === 'warn') warnings += 1;
      else if (entry.level === 'error') errors += 1;
      else continue;
      events[entry.event] = (events[entry.event] ?? 0) + 1;
    } catch {
      // a line that is not JSON (start-up banner)
    }
  }
  return { warnings, errors, events };
}

/**
 * Runs `node <script>` in `dataDir` (so no developer .env is picked up) with only the given
 * environment, output going to a log file, and resolves once GET /healthz answers 200.
 */
async function startServer({ name, script, env, dataDir, cpuProfile, nodeArgs = [] }) {
  const port = await freePort();
  const logFile = join(dataDir, `${name}.log`);
  const logFd = openSync(logFile, 'a');
  const execArgv = cpuProfile ? ['--cpu-prof', '--cpu-prof-dir', cpuProfile, '--cpu-prof-name', `${name}-${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...execArgv, ...nodeArgs, script], {
    cwd: dataDir,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const exited = new Promise((done) => child.once('exit', (code, signal) => done(signal ?? code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up (code ${child.exitCode}); see ${logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer /healthz within 30 s; see ${logFile}`);
    }
    try {
      if ((await requestJson(`${url}/healthz`, { timeoutMs: 1000 })).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return {
    name,
    url,
    pid: child.pid,
    logFile,
    memory: () => readMemory(child.pid),
    cpuSeconds: () => readCpuSeconds(child.pid),
    problems: () => logProblems(logFile),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(15000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** The advice bot exactly as `npm start` runs it (built dist/index.js), on a SQLite file in dataDir. */
function startAdviceBot(dataDir, cpuProfile, nodeArgs) {
  return startServer({
    name: 'advice-bot',
    script: join(ROOT, 'dist', 'index.js'),
    env: { SQLITE_PATH: join(dataDir, 'bot.sqlite') },
    dataDir,
    cpuProfile,
    nodeArgs,
  });
}

/** The minimal echo bot on the same stack (bench/load/echoBot.js). */
function startEchoBot(dataDir, cpuProfile, nodeArgs) {
  return startServer({ name: 'echo-bot', script: join(__dirname, 'echoBot.js'), env: {}, dataDir, cpuProfile, nodeArgs });
}

module.exports = { startServer, startAdviceBot, startEchoBot, readMemory, readCpuSeconds, ROOT };
