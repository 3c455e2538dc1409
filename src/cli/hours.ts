import 'dotenv/config';
import { DateTime } from 'luxon';
import { ConfigError, loadConfigFromProcess } from '../config';
import { describeNextOpening, describeTime } from '../handoff/describeOpening';
import { createOpeningHours, UK_ZONE } from '../handoff/openingHours';

const USAGE = 'Usage: npm run --silent hours -- [--at 2026-12-24T10:00:00Z] [--json]';

/**
 * `npm run hours`: is the helpline open now, with HELPLINE_HOURS and HELPLINE_CLOSURES from .env?
 * `--at <ISO date-time>` asks about another moment (without an offset it is read as UK time).
 * `--json` prints one line, instants in UTC: {"open":false,"closesAt":null,"nextOpening":"2026-12-29T09:30:00.000Z"}
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') fail(`${args}\n${USAGE}`, 2);

  let config;
  try {
    config = loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 78); // EX_CONFIG, as start-up uses
    throw error;
  }

  const hours = createOpeningHours(config.openingHours);
  const closesAt = hours.closesAt(args.at);
  const nextOpening = hours.nextOpening(args.at);

  if (args.json) {
    const result = { open: closesAt !== null, closesAt: closesAt?.toISOString() ?? null, nextOpening: nextOpening?.toISOString() ?? null };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else if (closesAt) {
    process.stdout.write(`Open now, closes at ${describeTime(closesAt)}.\n`);
  } else if (nextOpening) {
    process.stdout.write(`Closed. Opens ${describeNextOpening(nextOpening, args.at)} (${nextOpening.toISOString()}).\n`);
  } else {
    process.stdout.write('Closed, and does not open in the next 400 days. Check HELPLINE_HOURS and HELPLINE_CLOSURES.\n');
  }
}

interface Args {
  readonly at: Date;
  readonly json: boolean;
}

/** The arguments, or what is wrong with them. */
function parseArgs(args: readonly string[]): Args | string {
  let at = new Date();
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--json') {
      json = true;
    } else if (arg === '--at' || arg.startsWith('--at=')) {
      const value = arg === '--at' ? args[(i += 1)] : arg.slice('--at='.length);
      const parsed = value === undefined ? undefined : DateTime.fromISO(value, { zone: UK_ZONE });
      if (!parsed?.isValid) return `--at must be an ISO date and time like 2026-12-24T10:00:00Z (found ${value === undefined ? 'nothing' : `"${value}"`}).`;
      at = parsed.toJSDate();
    } else {
      return `Unknown argument "${arg}".`;
    }
  }
  return { at, json };
}

function fail(message: string, exitCode: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

main();
