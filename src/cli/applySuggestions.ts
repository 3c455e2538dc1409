import 'dotenv/config';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PhrasingSuggestions } from '../analytics/phrasingSuggestions';
import { PostgresPhrasingSuggestions } from '../analytics/postgresPhrasingSuggestions';
import { SqlitePhrasingSuggestions } from '../analytics/sqlitePhrasingSuggestions';
import { loadConfigFromProcess } from '../config';
import { addPhrasings } from '../knowledge/addPhrasings';
import { loadKnowledgeBase } from '../knowledge/knowledgeBase';
import { openSqliteDatabase } from '../storage/sqliteDatabase';
import { connectMigratedPostgres } from './cliPostgres';

const ROOT = resolve(__dirname, '..', '..');

interface SuggestionDatabase {
  readonly suggestions: PhrasingSuggestions;
  close(): Promise<void>;
}

/**
 * `npm run kb:apply-suggestions [-- --db <file>]`: writes the phrasings staff accepted on the
 * dashboard into the entry files, marks them applied, and lists what changed so it can be
 * reviewed with `git diff` and checked with `npm run kb:check` before it ships. The suggestions are
 * read from PostgreSQL when DATABASE_URL is set, otherwise from the SQLite file (or `--db <file>`).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { db: { type: 'string' } } });
  const database = await openSuggestions(values.db);
  try {
    const { suggestions } = database;
    const pending = await suggestions.pending();
    if (pending.length === 0) {
      process.stdout.write('No accepted suggestions are waiting.\n');
      return;
    }
    const knowledge = loadKnowledgeBase(ROOT);
    const applied: number[] = [];
    for (const [entryId, items] of groupBy(pending, (s) => s.entryId)) {
      const entry = knowledge.entry(entryId);
      if (!entry) {
        process.stderr.write(`Skipped ${items.length} for "${entryId}": there is no such entry any more.\n`);
        continue;
      }
      const file = join(ROOT, 'src', 'knowledge', 'entries', entry.topic, `${entry.id}.md`);
      const added = addPhrasings(file, items.map((s) => s.phrasing));
      applied.push(...items.map((s) => s.id));
      process.stdout.write(`${file}: ${added} new phrasing${added === 1 ? '' : 's'}\n`);
    }
    await suggestions.markApplied(applied, new Date());
    process.stdout.write('Review with "git diff src/knowledge/entries", then run "npm run kb:check".\n');
  } finally {
    await database.close();
  }
}

async function openSuggestions(sqlitePath: string | undefined): Promise<SuggestionDatabase> {
  const config = sqlitePath === undefined ? loadConfigFromProcess() : undefined;
  if (config?.databaseUrl) {
    const pool = await connectMigratedPostgres(config.databaseUrl, 'family-advice-bot/apply-suggestions-cli');
    return { suggestions: new PostgresPhrasingSuggestions(pool), close: () => pool.end() };
  }
  const db = openSqliteDatabase(sqlitePath ?? config?.sqlitePath ?? '');
  return {
    suggestions: new SqlitePhrasingSuggestions(db),
    close: async () => {
      db.close();
    },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

main().catch((error: unknown) => {
  process.stderr.write(`kb:apply-suggestions failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
