import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BotSeams, startBot, RunningBot } from '../../src/botApp';
import { Config, loadConfig } from '../../src/config';
import { createMemoryLogger } from '../../src/logger';

export interface TestBot extends RunningBot {
  /** Every log line the bot wrote, for asserting nothing personal was logged. */
  readonly logLines: string[];
  /** The folder holding this bot's SQLite file; reuse it to simulate a restart. */
  readonly dataDir: string;
  /** Stops the bot and removes its data folder (unless keepData). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** Starts the whole bot on 127.0.0.1 and a free port, with its own SQLite file. */
/** `overrides` replace validated settings after loading, for fakes that real settings would refuse (an http endpoint). */
export async function startTestBot(env: Record<string, string> = {}, dataDir?: string, overrides: Partial<Config> = {}, seams: BotSeams = {}): Promise<TestBot> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'advice-bot-'));
  const config = { ...loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'bot.sqlite'), ...env }), ...overrides };
  const log = createMemoryLogger();
  const bot = await startBot(config, log, resolve(__dirname, '..', '..'), seams);
  let stopped = false;
  return {
    ...bot,
    logLines: log.lines,
    dataDir: dir,
    stop: async (options = {}) => {
      if (stopped) return;
      stopped = true;
      await bot.close();
      if (!options.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}
