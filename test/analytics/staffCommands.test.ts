import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Activity, ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { SqliteEventStore } from '../../src/analytics/sqliteEventStore';
import { SqlitePhrasingSuggestions } from '../../src/analytics/sqlitePhrasingSuggestions';
import { SqliteHandoffStore } from '../../src/handoff/sqliteHandoffStore';
import { addPhrasings } from '../../src/knowledge/addPhrasings';
import { parseEntryFile } from '../../src/knowledge/loadEntries';
import { eraseConversation } from '../../src/storage/eraseConversation';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';

const ROOT = resolve(__dirname, '..', '..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staff-commands-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('erasing a conversation', () => {
  async function seed(path: string) {
    const db = openSqliteDatabase(path);
    const events = new SqliteEventStore(db);
    events.record({ conversationId: 'conv-1', channel: 'directline', at: new Date(), data: { type: 'quickExit' } });
    events.record({ conversationId: 'conv-2', channel: 'directline', at: new Date(), data: { type: 'quickExit' } });
    await events.flush();
    await new SqliteHandoffStore(db).create({ conversationId: 'conv-1', conversationRef: {}, topic: null, learned: [], transcript: [{ from: 'user', text: 'private words', at: '' }] }, new Date());
    return db;
  }

  /** The key botbuilder itself stores a conversation's state under. */
  function stateKey(conversationId: string): string {
    const context = new TurnContext(new TestAdapter(), { type: 'message', channelId: 'directline', conversation: { id: conversationId } } as Activity);
    return new ConversationState(new MemoryStorage()).getStorageKey(context) ?? '';
  }

  it('removes its analytics, hand-offs and bot state, and nothing of other conversations', async () => {
    const db = await seed(':memory:');
    await new SqliteStorage(db).write({ [stateKey('conv-1')]: { dialogState: {} }, [stateKey('conv-2')]: { dialogState: {} }, [stateKey('conv-10')]: { dialogState: {} } });
    expect(eraseConversation(db, 'conv-1')).toEqual({ analyticsEvents: 1, handoffs: 1, botState: 1 });
    expect(await new SqliteEventStore(db).forConversation('conv-2')).toHaveLength(1);
    expect(await new SqliteStorage(db).read([stateKey('conv-1')])).toEqual({});
    expect(Object.keys(await new SqliteStorage(db).read([stateKey('conv-2'), stateKey('conv-10')]))).toHaveLength(2);
    expect(JSON.stringify(db.prepare('SELECT * FROM handoffs').all())).not.toContain('private words');
  });

  it('works from the command line, and explains its usage when misused', async () => {
    const path = join(dir, 'bot.sqlite');
    (await seed(path)).close();
    const out = execFileSync(process.execPath, [join(ROOT, 'dist/cli/eraseConversation.js'), 'conv-1', '--db', path], { encoding: 'utf8' });
    expect(out).toMatch(/Erased conversation conv-1: 1 analytics events, 1 hand-offs/);
    const misuse = spawnSync(process.execPath, [join(ROOT, 'dist/cli/eraseConversation.js'), '--db', path], { encoding: 'utf8' });
    expect(misuse.status).toBe(2);
    expect(misuse.stderr).toMatch(/Usage/);
  });
});

describe('phrasings accepted on the dashboard', () => {
  it('are added to the entry file, keeping everything else as written', () => {
    const file = join(dir, 'entry.md');
    copyFileSync(join(ROOT, 'src/knowledge/entries/section-20/section-20-overview.md'), file);
    const before = readFileSync(file, 'utf8');
    expect(addPhrasings(file, ['what is a section 20 agreement form', 'S20 HELP'])).toBe(1);
    const after = readFileSync(file, 'utf8');
    const parsed = parseEntryFile(file, after);
    expect((parsed.frontMatter as { phrasings: string[] }).phrasings.at(-1)).toBe('what is a section 20 agreement form');
    expect(after.split('\n').filter((line) => !before.includes(line))).toEqual(['  - "what is a section 20 agreement form"']);
  });

  it('are refused while they still hold a redaction placeholder', async () => {
    const suggestions = new SqlitePhrasingSuggestions(openSqliteDatabase(':memory:'));
    expect(await suggestions.accept('section-20-overview', 'my name is [NAME] and they want s20', 'Stella', new Date())).toMatch(/placeholder/);
    expect(await suggestions.list()).toEqual([]);
  });

  it('leave the entries alone when none are waiting', () => {
    const path = join(dir, 'bot.sqlite');
    openSqliteDatabase(path).close();
    const out = execFileSync(process.execPath, [join(ROOT, 'dist/cli/applySuggestions.js'), '--db', path], { encoding: 'utf8' });
    expect(out).toMatch(/No accepted suggestions are waiting/);
  });
});
