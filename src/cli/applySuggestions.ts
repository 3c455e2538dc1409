import 'dotenv/config';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PhrasingSuggestions } from '../analytics/phrasingSuggestions';
import { loadConfigFromProcess } from '../config';
import { addPhrasings } from '../knowledge/addPhrasings';
import { loadKnowledgeBase } from '../knowledge/knowledgeBase';
import { openSqliteDatabase } from '../storage/sqliteDatabase';

const ROOT = resolve(__dirname, '..', '..');

/**
 * `npm run kb:apply-suggestions [-- --db <file>]`: writes the phrasings staff accepted on the
 * dashboard into the entry files, marks them applied, and lists what changed so it can be
 * reviewed with `git diff` and checked with `npm run kb:check` before it ships.
 */
function main(): void {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { db: { type: 'string' } } });
  const dbPath = values.db ?? loadConfigFromProcess().sqlitePath;
  const db = openSqliteDatabase(dbPath);
  try {
    const suggestions = new PhrasingSuggestions(db);
    const pending = suggestions.pending();
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
    suggestions.markApplied(applied, new Date());
    process.stdout.write('Review with "git diff src/knowledge/entries", then run "npm run kb:check".\n');
  } finally {
    db.close();
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

try {
  main();
} catch (error) {
  process.stderr.write(`kb:apply-suggestions failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
