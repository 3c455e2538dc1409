import type { Role } from '../../src/accounts/consoleAccounts';
import { SqliteConsoleAccounts } from '../../src/accounts/sqliteConsoleAccounts';
import { openSqliteDatabase } from '../../src/storage/sqliteDatabase';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a console account directly in a bot's SQLite file (what `npm run account:add` does). */
export async function addAccount(sqlitePath: string, username: string, displayName: string, role: Role = 'adviser'): Promise<void> {
  const db = openSqliteDatabase(sqlitePath);
  try {
    await new SqliteConsoleAccounts(db).create({ username, displayName, role, password: TEST_PASSWORD });
  } finally {
    db.close();
  }
}

export interface StreamedEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
  /** When it arrived (performance.now()), for latency measurements. */
  readonly at: number;
}

/** An adviser console as the browser would drive it: a session cookie, the JSON API and the event stream. */
export async function signIn(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/console/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-console-request': '1' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/adviser${path}`, {
      method,
      headers: { cookie, 'x-console-request': '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { [key: string]: any } };
  };

  const events: StreamedEvent[] = [];
  let abort = new AbortController();
  let connected: Promise<void> | undefined;
  const openStream = () => {
    abort = new AbortController();
    events.length = 0;
    const { signal } = abort;
    connected = (async () => {
      const response = await fetch(`${baseUrl}/api/adviser/events`, { headers: { cookie }, signal });
      if (response.status !== 200 || !response.body) throw new Error(`event stream refused: ${response.status}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            buffer += decoder.decode(value, { stream: true });
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown>, at: performance.now() });
            }
          }
        } catch {
          // aborted
        }
      })();
    })();
    return connected;
  };

  const waitForEvent = async (predicate: (e: StreamedEvent) => boolean, timeoutMs = 8000): Promise<StreamedEvent> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = events.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching console event within ${timeoutMs} ms; saw: ${events.map((e) => e.event).join(', ')}`);
  };

  return { cookie, api, events, openStream, waitForEvent, close: () => abort.abort() };
}
