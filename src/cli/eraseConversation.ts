import 'dotenv/config';
import { parseArgs } from 'node:util';
import { loadConfigFromProcess } from '../config';
import { eraseConversation } from '../storage/eraseConversation';
import { openSqliteDatabase } from '../storage/sqliteDatabase';

/**
 * `npm run --silent analytics:erase -- <conversation id> [--db <file>]`: deletes everything kept
 * about one conversation (analytics events, hand-offs and their messages, bot state), for a
 * subject request. The staff dashboard does the same.
 */
function main(): void {
  let ids: string[] = [];
  let dbPath: string | undefined;
  try {
    const parsed = parseArgs({ args: process.argv.slice(2), options: { db: { type: 'string' } }, allowPositionals: true });
    ids = parsed.positionals;
    dbPath = parsed.values.db;
  } catch {
    ids = [];
  }
  if (ids.length !== 1 || ids[0].trim() === '') {
    process.stderr.write('Usage: npm run --silent analytics:erase -- <conversation id> [--db <file>]\n');
    process.exit(2);
  }
  const db = openSqliteDatabase(dbPath ?? loadConfigFromProcess().sqlitePath);
  try {
    const erased = eraseConversation(db, ids[0].trim());
    process.stdout.write(
      `Erased conversation ${ids[0].trim()}: ${erased.analyticsEvents} analytics events, ${erased.handoffs} hand-offs (with their messages), ${erased.botState} bot state records.\n`,
    );
  } finally {
    db.close();
  }
}

main();
