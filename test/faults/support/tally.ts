import type { FaultRequest } from './catalogue';
import type { Outcome } from './transport';

export interface Failure {
  readonly index: number;
  readonly category: string;
  readonly request: string;
  readonly expected: string;
  readonly got: string;
}

const DIRECT_LINE_TOKEN_ROUTES = /^\/api\/directline\/(token|tokens\/generate)(\?|$)/;

/** What is wrong with one answer (empty when it is right). */
export function judge(request: FaultRequest, outcome: Outcome, production: boolean): string[] {
  const problems: string[] = [];
  // In production every new chat from one address counts against its limit, whatever else is wrong with the request.
  const rateLimited = production && outcome.status === 429 && DIRECT_LINE_TOKEN_ROUTES.test(targetPath(request));
  if (!request.expect.includes(outcome.status) && !rateLimited) {
    problems.push(outcome.status === 0 ? `no answer (${outcome.error ?? 'connection closed'})` : `status ${outcome.status}`);
  }
  if (request.mustNotSucceed && outcome.status >= 200 && outcome.status < 300) problems.push('SECURITY: a request that must be refused succeeded');
  const extra = request.expect.includes(outcome.status) ? request.check?.(outcome) : undefined;
  if (extra) problems.push(extra);
  return problems;
}

/** The path a request asks for; for raw bytes, read from the request line. */
function targetPath(request: FaultRequest): string {
  if (!request.raw) return request.path;
  const first = request.raw.parts[0];
  const line = (typeof first === 'string' ? first : first.toString('latin1')).split('\r\n')[0];
  return line.split(' ')[1] ?? '';
}

/** Counts per category and status, the failures, and a printable table. */
export class Tally {
  readonly failures: Failure[] = [];
  private readonly rows = new Map<string, { count: number; statuses: Map<number, number>; slowestMs: number }>();
  private total = 0;
  private failureCount = 0;

  record(index: number, request: FaultRequest, outcome: Outcome, problems: readonly string[]): void {
    this.total += 1;
    const row = this.rows.get(request.category) ?? { count: 0, statuses: new Map<number, number>(), slowestMs: 0 };
    row.count += 1;
    row.statuses.set(outcome.status, (row.statuses.get(outcome.status) ?? 0) + 1);
    row.slowestMs = Math.max(row.slowestMs, outcome.ms);
    this.rows.set(request.category, row);
    if (problems.length === 0) return;
    this.failureCount += 1;
    if (this.failures.length < 40) {
      this.failures.push({
        index,
        category: request.category,
        request: describe(request),
        expected: request.expect.join('/'),
        got: `${problems.join('; ')}${outcome.body ? ` — ${outcome.body.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`,
      });
    }
  }

  get count(): number {
    return this.total;
  }

  get failed(): number {
    return this.failureCount;
  }

  /** Every status seen, over all categories. */
  statuses(): Map<number, number> {
    const all = new Map<number, number>();
    for (const row of this.rows.values()) for (const [status, n] of row.statuses) all.set(status, (all.get(status) ?? 0) + n);
    return all;
  }

  table(title: string): string {
    const lines = [...this.rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([category, row]) => {
      const statuses = [...row.statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s === 0 ? 'no answer' : s}×${n}`).join('  ');
      return `${category.padEnd(62)} ${String(row.count).padStart(6)}  ${statuses}  (slowest ${Math.round(row.slowestMs)} ms)`;
    });
    const all = [...this.statuses().entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s === 0 ? 'no answer' : s}×${n}`).join('  ');
    return [title, `${'category'.padEnd(62)} ${'count'.padStart(6)}  statuses`, ...lines, `${'TOTAL'.padEnd(62)} ${String(this.total).padStart(6)}  ${all}`].join('\n');
  }
}

function describe(request: FaultRequest): string {
  if (request.raw) {
    const first = request.raw.parts[0];
    const text = typeof first === 'string' ? first : first.toString('latin1');
    return `raw: ${JSON.stringify(text.slice(0, 200))}${text.length > 200 ? '…' : ''}`;
  }
  const body = request.body === undefined ? '' : ` body ${JSON.stringify(String(request.body).slice(0, 160))}${String(request.body).length > 160 ? '…' : ''}`;
  return `${request.method} ${request.path.slice(0, 200)} headers ${JSON.stringify(request.headers ?? {}).slice(0, 200)}${body}`;
}
