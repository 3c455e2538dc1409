/**
 * Redaction on the labelled set (test/fixtures/analytics/redactionSet.jsonl, which the redactor was
 * tuned on) and on the holdout (bench/fixtures/redactionHoldout.jsonl, written separately and never
 * tuned on: only numbers are printed). Per kind: how many personal details were removed; and how
 * many ordinary words were kept.
 */
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { redact } = require('../dist/analytics/redact');

const KINDS = [
  ['email', (s) => s.includes('@')],
  ['url', (s) => /^(https?:|www\.)|\.(com|uk|org|net)\//i.test(s)],
  ['postcode', (s) => /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(s.trim())],
  ['NI number', (s) => /^[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/i.test(s.trim())],
  ['phone', (s) => /^(\+44|\(?0)[\d ()-]{8,}$/.test(s.trim())],
  ['NHS number', (s) => /^\d{3}[ -]?\d{3}[ -]?\d{4}$/.test(s.trim())],
  ['date', (s) => /\d{1,2}(st|nd|rd|th)?[ /.-](\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s)],
  ['address', (s) => /^\d+[a-z]?,? |^flat /i.test(s)],
  ['reference', (s) => /\d/.test(s)],
  ['name', () => true],
];

function evaluate(name, file) {
  const rows = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const byKind = new Map(KINDS.map(([kind]) => [kind, { removed: 0, total: 0 }]));
  let kept = 0;
  let keepTotal = 0;
  for (const row of rows) {
    const out = redact(row.text).text;
    for (const detail of row.remove) {
      const kind = KINDS.find(([, test]) => test(detail))[0];
      const counts = byKind.get(kind);
      counts.total += 1;
      if (!out.includes(detail)) counts.removed += 1;
    }
    for (const word of row.keep) {
      keepTotal += 1;
      if (out.includes(word)) kept += 1;
    }
  }
  const removed = [...byKind.values()].reduce((n, c) => n + c.removed, 0);
  const total = [...byKind.values()].reduce((n, c) => n + c.total, 0);
  const pct = (n, d) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  console.log(`${name}: ${rows.length} messages; personal details removed ${removed}/${total} (${pct(removed, total)}); ordinary words kept ${kept}/${keepTotal} (${pct(kept, keepTotal)})`);
  console.log(`  by kind: ${[...byKind.entries()].filter(([, c]) => c.total > 0).map(([kind, c]) => `${kind} ${c.removed}/${c.total}`).join(', ')}`);
}

const root = join(__dirname, '..');
evaluate('labelled set', join(root, 'test/fixtures/analytics/redactionSet.jsonl'));
evaluate('names, labelled', join(root, 'test/fixtures/analytics/namesRound2.jsonl'));
const holdout = join(root, 'bench/fixtures/redactionHoldout.jsonl');
if (existsSync(holdout)) evaluate('holdout', holdout);
