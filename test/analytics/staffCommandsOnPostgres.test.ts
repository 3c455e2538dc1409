import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PostgresEventStore } from '../../src/analytics/postgresEventStore';
import { PostgresPhrasingSuggestions } from '../../src/analytics/postgresPhrasingSuggestions';
import { PostgresHandoffStore } from '../../src/handoff/postgresHandoffStore';
import { describePostgres, useMigratedSchema } from '../storage/postgresTestDatabase';

const ROOT = resolve(__dirname, '..', '..');
const run = promisify(execFile);

/** Runs a built command as an operator would, with DATABASE_URL pointing at this file's schema. */
function command(script: string, args: string[], databaseUrl: string) {
  return run(process.execPath, [join(ROOT, 'dist/cli', script), ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } });
}

describePostgres('staff commands when DATABASE_URL is set', () => {
  const schema = useMigratedSchema();
  beforeEach(async () => {
    await schema.query('TRUNCATE analytics_events, phrasing_suggestions, handoff_messages, handoffs, bot_state CASCADE');
  });

  it('analytics:erase erases the conversation from PostgreSQL, where the bot keeps it', async () => {
    const pool = schema.pool();
    const events = new PostgresEventStore(pool, { onError: (error) => { throw error; } });
    for (const conversationId of ['conv-1', 'conv-2']) events.record({ conversationId, channel: 'directline', at: new Date(), data: { type: 'quickExit' } });
    await events.flush();
    const handoff = await new PostgresHandoffStore(pool).create({ conversationId: 'conv-1', conversationRef: {}, topic: null, learned: [], transcript: null }, new Date());
    await new PostgresHandoffStore(pool).addMessage(handoff.id, 'user', 'private words', new Date());

    const { stdout } = await command('eraseConversation.js', ['conv-1'], schema.url());

    expect(stdout).toMatch(/Erased conversation conv-1: 1 analytics events, 1 hand-offs/);
    expect(await schema.query('SELECT conversation_id FROM analytics_events')).toEqual([{ conversation_id: 'conv-2' }]);
    expect(await schema.query('SELECT * FROM handoff_messages')).toEqual([]);
  });

  it('kb:apply-suggestions reads the accepted phrasings from PostgreSQL', async () => {
    const none = await command('applySuggestions.js', [], schema.url());
    expect(none.stdout).toMatch(/No accepted suggestions are waiting/);

    // An entry that no longer exists: reported and left waiting, so no entry file is touched by this test.
    await new PostgresPhrasingSuggestions(schema.pool()).accept('retired-entry', 'what happened to my old answer', 'Stella', new Date());
    const some = await command('applySuggestions.js', [], schema.url());
    expect(some.stderr).toMatch(/Skipped 1 for "retired-entry"/);
    expect(await schema.query('SELECT applied_at FROM phrasing_suggestions')).toEqual([{ applied_at: null }]);
  });
});
