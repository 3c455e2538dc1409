// `npm run eval`: topic accuracy of the router on the labelled set in test/fixtures/routing/,
// beside three baselines trained on the same entries. For each half (tune, holdout) it prints
// top-1 and top-3 topic accuracy and the abstain rate, then how often each confidence band is right.
// `--misses tune` lists this matcher's mistakes on the tune half (never look at holdout misses
// while tuning: that half is the honest test).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Fuse = require('fuse.js');
const MiniSearch = require('minisearch');
const { NlpManager } = require('node-nlp');
const { readEntryFiles } = require('../dist/knowledge/loadEntries');
const { validateEntries } = require('../dist/knowledge/validateEntries');
const { KnowledgeIndex, DEFAULT_SETTINGS } = require('../dist/knowledge/knowledgeIndex');
const { readExamples } = require('../dist/knowledge/loadExamples');
const { examplesFile } = require('../dist/knowledge/knowledgeBase');

const ROOT = join(__dirname, '..');
const OUT = 'out-of-scope';

function readJsonLines(name) {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'routing', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/** devset.jsonl holds the tune and holdout halves; neither is ever among the matcher's training examples. */
function loadDevSet() {
  return readJsonLines('devset.jsonl');
}

function distinct(list) {
  return list.filter((item, i) => item && list.indexOf(item) === i);
}

/** Each system maps a message to { topics: ranked topic ids (out-of-scope = abstained), abstained, confidence? }. */
function ourMatcher(entries, examples) {
  const index = new KnowledgeIndex(entries, DEFAULT_SETTINGS, examples);
  return (text) => {
    const result = index.route(text);
    const abstained = result.kind === 'fallback';
    const ranked = result.candidates.map((c) => c.topic);
    return { topics: distinct([abstained ? OUT : result.topic, result.topic, ...ranked]), abstained, confidence: result.confidence, kind: result.kind };
  };
}

function fuseBaseline(entries) {
  const fuse = new Fuse(entries, { keys: ['title', 'phrasings'] });
  return (text) => {
    const hits = fuse.search(text).slice(0, 10);
    if (hits.length === 0) return { topics: [OUT], abstained: true };
    return { topics: distinct(hits.map((h) => h.item.topic)), abstained: false };
  };
}

function miniSearchBaseline(entries) {
  const search = new MiniSearch({ fields: ['title', 'phrasings'], storeFields: ['topic'], searchOptions: { fuzzy: 0.2, prefix: true } });
  search.addAll(entries.map((e) => ({ id: e.id, topic: e.topic, title: e.title, phrasings: e.phrasings.join(' \n ') })));
  return (text) => {
    const hits = search.search(text).slice(0, 10);
    if (hits.length === 0) return { topics: [OUT], abstained: true };
    return { topics: distinct(hits.map((h) => h.topic)), abstained: false };
  };
}

async function nlpBaseline(entries) {
  const manager = new NlpManager({ languages: ['en'], autoSave: false, nlu: { log: false }, forceNER: false });
  for (const entry of entries) for (const text of [entry.title, ...entry.phrasings]) manager.addDocument('en', text, entry.id);
  await manager.train();
  const topicOf = new Map(entries.map((e) => [e.id, e.topic]));
  return async (text) => {
    const result = await manager.process('en', text);
    const ranked = (result.classifications || []).filter((c) => c.intent !== 'None' && c.score > 0).map((c) => topicOf.get(c.intent));
    if (result.intent === 'None' || ranked.length === 0) return { topics: [OUT, ...distinct(ranked)], abstained: true };
    return { topics: distinct(ranked), abstained: false };
  };
}

async function evaluate(system, rows) {
  let top1 = 0;
  let top3 = 0;
  let abstained = 0;
  const outcomes = [];
  for (const row of rows) {
    const prediction = await system(row.text);
    const hit1 = prediction.topics[0] === row.topic;
    const hit3 = prediction.topics.slice(0, 3).includes(row.topic);
    top1 += hit1 ? 1 : 0;
    top3 += hit3 ? 1 : 0;
    abstained += prediction.abstained ? 1 : 0;
    outcomes.push({ row, prediction, hit1 });
  }
  const pct = (n) => `${((100 * n) / rows.length).toFixed(1)}%`;
  return { top1: pct(top1), top3: pct(top3), abstain: pct(abstained), top1Value: top1 / rows.length, outcomes };
}

function calibration(outcomes) {
  const bands = [[0, 0.25], [0.25, 0.5], [0.5, 0.75], [0.75, 1.01]];
  return bands.map(([low, high]) => {
    const inBand = outcomes.filter((o) => o.prediction.confidence >= low && o.prediction.confidence < high);
    const right = inBand.filter((o) => o.hit1).length;
    return { confidence: `${low.toFixed(2)}-${Math.min(high, 1).toFixed(2)}`, messages: inBand.length, right: inBand.length ? `${((100 * right) / inBand.length).toFixed(1)}%` : '-' };
  });
}

async function main() {
  const { entries, problems } = validateEntries(readEntryFiles(join(ROOT, 'src', 'knowledge', 'entries')));
  if (problems.length) console.warn(`(${problems.length} entry problems; run npm run kb:check)`);
  const devSet = loadDevSet();
  const { examples } = readExamples(examplesFile(ROOT));
  const systems = [
    ['this matcher', ourMatcher(entries, examples)],
    ['fuse.js (defaults, titles + phrasings)', fuseBaseline(entries)],
    ['MiniSearch (BM25, fuzzy 0.2, prefix)', miniSearchBaseline(entries)],
    ['NLP.js (node-nlp)', await nlpBaseline(entries)],
  ];
  const missesFor = process.argv.includes('--misses') ? process.argv[process.argv.indexOf('--misses') + 1] : undefined;
  console.log(`${entries.length} entries and ${examples.length} labelled training examples; ${devSet.length} labelled test messages`);
  for (const split of ['tune', 'holdout']) {
    const rows = devSet.filter((row) => row.split === split);
    const table = [];
    let ours;
    for (const [name, system] of systems) {
      const result = await evaluate(system, rows);
      if (!ours) ours = result;
      table.push({ system: name, 'top-1 topic': result.top1, 'top-3 topic': result.top3, abstain: result.abstain });
    }
    console.log(`\n${split} (${rows.length} messages)`);
    console.table(table);
    console.log(`confidence bands (this matcher, ${split}): higher confidence should be right more often`);
    console.table(calibration(ours.outcomes));
    if (missesFor === split) {
      for (const o of ours.outcomes.filter((x) => !x.hit1)) {
        console.log(`MISS ${o.row.id} want ${o.row.topic} got ${o.prediction.topics.slice(0, 3).join(',')} (${o.prediction.kind} ${o.prediction.confidence}): ${o.row.text.slice(0, 160)}`);
      }
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
