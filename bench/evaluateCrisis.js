/**
 * Crisis detection on the labelled set (test/fixtures/safety/crisisSet.jsonl, which the detector was
 * tuned on) and on the holdout (bench/fixtures/crisisHoldout.jsonl, written separately and never
 * tuned on: only its numbers are printed). `--misses` lists the labelled set's mistakes.
 */
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { assessCrisis } = require('../dist/safety/crisisDetector');

function load(file) {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}

function score(rows) {
  const crisis = rows.filter((r) => r.crisis);
  const calm = rows.filter((r) => !r.crisis);
  const missed = crisis.filter((r) => !assessCrisis(r.text).crisis);
  const falseAlarms = calm.filter((r) => assessCrisis(r.text).crisis);
  const wrongCategory = crisis.filter((r) => {
    const got = assessCrisis(r.text).categories;
    return got.length > 0 && !got.includes(r.category);
  });
  return { crisis, calm, missed, falseAlarms, wrongCategory };
}

function report(name, s) {
  const pct = (n, d) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  console.log(
    `${name}: crisis flagged ${s.crisis.length - s.missed.length}/${s.crisis.length} (${pct(s.crisis.length - s.missed.length, s.crisis.length)}), ` +
      `false alarms ${s.falseAlarms.length}/${s.calm.length} (${pct(s.falseAlarms.length, s.calm.length)}), category not among those found ${s.wrongCategory.length}`,
  );
}

const root = join(__dirname, '..');
const labelled = score(load(join(root, 'test/fixtures/safety/crisisSet.jsonl')));
report('labelled set', labelled);
const holdout = join(root, 'bench/fixtures/crisisHoldout.jsonl');
if (existsSync(holdout)) report('holdout', score(load(holdout)));
else console.log('holdout: none yet (bench/fixtures/crisisHoldout.jsonl)');
if (process.argv.includes('--misses')) {
  for (const r of labelled.missed) console.log(`MISSED [${r.category}] ${r.text}`);
  for (const r of labelled.falseAlarms) console.log(`FALSE ALARM [${r.note}] ${r.text} -> ${assessCrisis(r.text).categories}`);
  for (const r of labelled.wrongCategory) console.log(`CATEGORY want ${r.category} got ${assessCrisis(r.text).categories}: ${r.text}`);
}
