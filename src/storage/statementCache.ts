import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqliteDatabase';

export type Prepare = <P extends unknown[] = unknown[], R = unknown>(sql: string) => Statement<P, R>;

/**
 * `db.prepare`, but each distinct SQL text is compiled once and the statement reused: preparing
 * costs more than running a small query, and some of these run on every turn. Statements from it
 * must not be switched to pluck or raw mode, since every caller of that SQL shares them.
 */
export function statementCache(db: SqliteDatabase): Prepare {
  const statements = new Map<string, Statement>();
  return <P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement as unknown as Statement<P, R>;
  };
}
