import Database from 'better-sqlite3';

/**
 * Makes every open console session in the bot's SQLite file look as if its password was last
 * entered `minutes` ago (and it stayed active since), so a test can reach "confirm it's you".
 */
export function ageSignIns(sqlitePath: string, minutes: number): void {
  const db = new Database(sqlitePath);
  try {
    const then = new Date(Date.now() - minutes * 60_000).toISOString();
    db.prepare('UPDATE console_sessions SET created_at = ?, authenticated_at = ?, last_seen_at = ?').run(then, then, new Date().toISOString());
  } finally {
    db.close();
  }
}
