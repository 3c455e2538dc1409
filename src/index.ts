import 'dotenv/config';
import { startBot } from './botApp';
import { ConfigError, loadConfig } from './config';
import { createLogger, describeError } from './logger';

async function main(): Promise<void> {
  const log = createLogger();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG: a supervisor should not restart-loop on bad settings
    }
    throw error;
  }

  const bot = await startBot(config, log);
  const shown = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? `http://localhost:${bot.port}` : bot.url;
  process.stdout.write(`\n${config.botDisplayName} is running.\n  Chat page:         ${shown}/\n  Emulator endpoint: ${shown}/api/messages\n\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutdown_started', { signal });
    bot.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown_failed', describeError(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`The bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
