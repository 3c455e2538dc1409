import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// These run the built CLIs (`npm test` builds first), exactly as `npm run kb:check` and `npm run ask` do.
const ROOT = resolve(__dirname, '..', '..');
const run = (script: string, args: string[], input?: string) =>
  spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', script), ...args], { cwd: ROOT, input, encoding: 'utf8' });

describe('npm run kb:check', () => {
  it('passes on the shipped knowledge base, with at least 80 entries across all 17 topics', () => {
    const result = run('kbCheck.js', []);
    expect(result.status).toBe(0);
    const [, count, topics] = /(\d+) entries OK across (\d+) topics/.exec(result.stdout) ?? [];
    expect(Number(count)).toBeGreaterThanOrEqual(80);
    expect(Number(topics)).toBe(17);
  });

  it('fails on a broken entry with a message naming the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-check-'));
    try {
      mkdirSync(join(dir, 'section-20'));
      writeFileSync(join(dir, 'section-20', 'section-20-bad.md'), '---\nid: section-20-bad\ntopic: section-20\ntitle: x\nphrasings: [a]\nlinks: [ftp://x]\n---\nToo short.\n');
      const result = run('kbCheck.js', [dir]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('section-20/section-20-bad.md: phrasings: needs at least 5 different phrasings');
      expect(result.stderr).toContain('section-20/section-20-bad.md: links: "ftp://x" is not an https:// address');
      expect(result.stderr).toContain('section-20/section-20-bad.md: answer: is 2 words');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run ask', () => {
  it('--json prints one routing result per input line and nothing else', () => {
    const result = run('ask.js', ['--json'], 'ss want me to sign a s20\nwhat is the weather tomorrow\n\n');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const [first, second] = lines.map((line) => JSON.parse(line));
    expect(first).toMatchObject({ kind: 'faq', topic: 'section-20', target: expect.stringMatching(/^section-20-/) });
    expect(second).toMatchObject({ kind: 'fallback', topic: 'out-of-scope' });
  });

  it('--json reports danger first, with its category, and situations as guided conversations', () => {
    const input = 'he is outside with a knife right now\nI have been invited to a child protection conference next Tuesday and I am scared\n';
    const result = run('ask.js', ['--json'], input);
    const [danger, situation] = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(danger).toMatchObject({ kind: 'crisis', category: 'violence-now', categories: ['violence-now'] });
    expect(situation).toMatchObject({ kind: 'dialog', topic: 'child-protection-plan', target: 'child-protection-plan' });
  });

  it('prints the bot\'s answer for one message', () => {
    const result = run('ask.js', ['how', 'do', 'i', 'complain', 'about', 'my', 'social', 'worker']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\*\*.+\*\*/);
    expect(result.stdout).toContain('Was this helpful?');
    expect(result.stdout).toMatch(/-- faq, topic complaint-social-worker/);
  });
});
