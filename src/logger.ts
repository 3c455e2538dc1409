/**
 * One JSON line per event, with an event name and ids. Callers pass only identifiers, counts and
 * error names — never what a person typed — so logs can be shared with hosting support safely.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

type Sink = (line: string) => void;

export function createLogger(out: Sink = (line) => process.stdout.write(`${line}\n`), err: Sink = (line) => process.stderr.write(`${line}\n`)): Logger {
  const write = (sink: Sink, level: string, event: string, fields: LogFields = {}) =>
    sink(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  return {
    info: (event, fields) => write(out, 'info', event, fields),
    warn: (event, fields) => write(err, 'warn', event, fields),
    error: (event, fields) => write(err, 'error', event, fields),
  };
}

/** For tests: keeps lines in memory so a test can assert nothing personal was logged. */
export function createMemoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createLogger((line) => lines.push(line), (line) => lines.push(line)) };
}

/** Error name and message only; a stack is included for our own code paths, which hold no user text. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message.slice(0, 300), stack: error.stack?.split('\n').slice(1, 6).join(' | ') };
  return { errorName: typeof error };
}
