import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** A free port on 127.0.0.1 (closed again at once, so the bot can take it). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<string>;
}

/** Runs the built bot (`dist/index.js`, made by `npm run build`) as its own process, as `npm start` does. */
export async function startBotProcess(port: number, dataDir: string, env: Record<string, string> = {}): Promise<BotProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: join(dataDir, 'bot.sqlite'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<string>((r) => child.once('exit', (code, signal) => r(signal ?? String(code))));
  const deadline = Date.now() + 15000;
  while (!output.includes('is running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bot did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/**
 * For a describe block whose tests start bot processes: a fresh data folder per test, and every
 * process started in it killed (and the folder removed) after the test.
 */
export function useBotProcesses(prefix: string) {
  const running: BotProcess[] = [];
  let dataDir = '';
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const bot of running.splice(0)) {
      if (bot.child.exitCode === null && bot.child.signalCode === null) {
        bot.child.kill('SIGKILL');
        await bot.exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir: () => dataDir,
    start: async (port: number, env: Record<string, string> = {}) => {
      const bot = await startBotProcess(port, dataDir, env);
      running.push(bot);
      return bot;
    },
  };
}
