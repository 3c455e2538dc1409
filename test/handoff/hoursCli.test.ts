import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// Runs the built CLI (`npm test` builds first), exactly as `npm run --silent hours` does. The two
// settings are always passed, so a developer's own .env cannot change the answers.
const ROOT = resolve(__dirname, '..', '..');
const hours = (args: string[], settings: { HELPLINE_HOURS?: string; HELPLINE_CLOSURES?: string } = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'hours.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HELPLINE_HOURS: '', HELPLINE_CLOSURES: '', ...settings },
  });

describe('npm run hours -- --json', () => {
  it.each([
    ['after closing on Christmas Eve 2026', '2026-12-24T16:00:00Z', { open: false, closesAt: null, nextOpening: '2026-12-29T09:30:00.000Z' }],
    ['on a summer morning (10:00 BST)', '2026-06-16T09:00:00Z', { open: true, closesAt: '2026-06-16T14:00:00.000Z', nextOpening: null }],
    ['before the clocks go back', '2026-10-23T14:00:00Z', { open: false, closesAt: null, nextOpening: '2026-10-26T09:30:00.000Z' }],
  ])('%s (--at %s) prints one line of JSON and nothing else', (_, instant, expected) => {
    const result = hours(['--at', instant, '--json']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify(expected)}\n`);
    expect(result.stderr).toBe('');
  });

  it('counts HELPLINE_CLOSURES: closed on Christmas Eve at 10:00 when the charity shuts that day', () => {
    const result = hours(['--at', '2026-12-24T10:00:00Z', '--json'], { HELPLINE_CLOSURES: '2026-12-24' });
    expect(result.stdout).toBe('{"open":false,"closesAt":null,"nextOpening":"2026-12-29T09:30:00.000Z"}\n');
  });

  it('uses the current time without --at', () => {
    const result = hours(['--json']);
    expect(result.status).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['open', 'closesAt', 'nextOpening']);
  });
});

describe('npm run hours', () => {
  it.each([
    ['while open', '2026-01-13T10:00:00Z', 'Open now, closes at 3pm.\n'],
    ['after closing on a Monday', '2026-01-12T16:00:00Z', 'Closed. Opens tomorrow at 9:30am (2026-01-13T09:30:00.000Z).\n'],
    ['after closing before Easter', '2026-04-02T14:00:00Z', 'Closed. Opens on Tuesday 7 April at 9:30am (2026-04-07T08:30:00.000Z).\n'],
  ])('%s says so in a sentence', (_, instant, sentence) => {
    expect(hours(['--at', instant]).stdout).toBe(sentence);
  });

  it.each([
    [['--at', 'yesterday'], '--at must be an ISO date and time like 2026-12-24T10:00:00Z (found "yesterday").'],
    [['--at', '2026-13-01T10:00:00Z'], '(found "2026-13-01T10:00:00Z")'],
    [['--at'], '(found nothing)'],
    [['--soon'], 'Unknown argument "--soon".'],
  ])('refuses %j with a clear message and exit code 2', (args, message) => {
    const result = hours(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('stops with exit code 78 and the fix when HELPLINE_HOURS is wrong', () => {
    const result = hours(['--json'], { HELPLINE_HOURS: 'weekdays 9-3' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('HELPLINE_HOURS');
    expect(result.stdout).toBe('');
  });
});
