import 'dotenv/config';
import { parseArgs } from 'node:util';
import { loadConfigFromProcess } from '../config';
import { eraseConversation, eraseConversationInPostgres, type Erased } from '../storage/eraseConversation';
import { openSqliteDatabase } from '../storage/sqliteDatabase';
import { connectMigratedPostgres } from './cliPostgres';

const USAGE = `Usage: npm run --silent analytics:erase -- <conversation id> [--db <file>]
The conversation is erased from PostgreSQL when DATABASE_URL is set, otherwise from the SQLite file at SQLITE_PATH;
--db <file> uses that SQLite file instead.`;

/**
 * `npm run --silent analytics:erase -- <conversation id> [--db <file>]`: deletes everything kept
 * about one conversation (analytics events, hand-offs and their messages, bot state), for a
 * subject request, from the database the bot uses. The staff dashboard does the same.
 */
async function main(): Promise<void> {
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
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const conversationId = ids[0].trim();
  const erased = await erase(conversationId, dbPath);
  process.stdout.write(
    `Erased conversation ${conversationId}: ${erased.analyticsEvents} analytics events, ${erased.handoffs} hand-offs (with their messages), ${erased.botState} bot state records.\n`,
  );
}

async function erase(conversationId: string, dbPath: string | undefined): Promise<Erased> {
  const config = dbPath === undefined ? loadConfigFromProcess() : undefined;
  if (config?.databaseUrl) {
    const pool = await connectMigratedPostgres(config.databaseUrl, 'family-advice-bot/erase-cli');
    try {
      return await eraseConversationInPostgres(pool, conversationId);
    } finally {
      await pool.end();
    }
  }
  const db = openSqliteDatabase(dbPath ?? config?.sqlitePath ?? '');
  try {
    return eraseConversation(db, conversationId);
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`analytics:erase failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
