// Matcher latency per message (p50, p99) on the shipped knowledge base and on it replicated to
// 1,000 and 10,000 entries, with MiniSearch (BM25, fuzzy, prefix) on the same data beside it.
// Messages: the labelled set (short questions to 1,300-character posts). Run `npm run build` first.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const MiniSearch = require('minisearch');
const { readEntryFiles } = require('../dist/knowledge/loadEntries');
const { validateEntries } = require('../dist/knowledge/validateEntries');
const { KnowledgeIndex, DEFAULT_SETTINGS } = require('../dist/knowledge/knowledgeIndex');
const { readExamples } = require('../dist/knowledge/loadExamples');
const { examplesFile } = require('../dist/knowledge/knowledgeBase');

const ROOT = join(__dirname, '..');
const messages = readFileSync(join(ROOT, 'test', 'fixtures', 'routing', 'devset.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((line) => JSON.parse(line).text);

function replicate(entries, size) {
  const out = [];
  for (let copy = 0; out.length < size; copy += 1) {
    for (const entry of entries) {
      if (out.length >= size) break;
      out.push(copy === 0 ? entry : { ...entry, id: `${entry.id}-copy-${copy}`, related: [] });
    }
  }
  return out;
}

function time(fn, rounds) {
  const samples = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const message of messages) {
      const start = process.hrtime.bigint();
      fn(message);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { p50: at(0.5).toFixed(3), p99: at(0.99).toFixed(3) };
}

const { entries } = validateEntries(readEntryFiles(join(ROOT, 'src', 'knowledge', 'entries')));
const { examples } = readExamples(examplesFile(ROOT));
const rows = [];
for (const size of [entries.length, 1000, 10000]) {
  const corpus = replicate(entries, size);
  const buildStart = Date.now();
  const index = new KnowledgeIndex(corpus, DEFAULT_SETTINGS, examples);
  const buildMs = Date.now() - buildStart;
  const mini = new MiniSearch({ fields: ['title', 'phrasings'], searchOptions: { fuzzy: 0.2, prefix: true } });
  mini.addAll(corpus.map((e) => ({ id: e.id, title: e.title, phrasings: e.phrasings.join(' \n ') })));
  index.route(messages[0]); // warm the spelling cache the way a running bot would be
  const ours = time((m) => index.route(m), size > 1000 ? 3 : 10);
  const theirs = time((m) => mini.search(m), size > 1000 ? 1 : 3);
  rows.push({ entries: size, 'build ms': buildMs, 'matcher p50 ms': ours.p50, 'matcher p99 ms': ours.p99, 'MiniSearch p50 ms': theirs.p50, 'MiniSearch p99 ms': theirs.p99 });
}
console.log(`matcher latency per message over ${messages.length} messages (${Math.min(...messages.map((m) => m.length))}-${Math.max(...messages.map((m) => m.length))} characters)`);
console.table(rows);
