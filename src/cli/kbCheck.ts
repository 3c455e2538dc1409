import { resolve } from 'node:path';
import { entriesFolder, examplesFile } from '../knowledge/knowledgeBase';
import { readExamples } from '../knowledge/loadExamples';
import { readEntryFiles } from '../knowledge/loadEntries';
import { TOPIC_IDS } from '../knowledge/taxonomy';
import { validateEntries } from '../knowledge/validateEntries';

/** `npm run kb:check`: every rule in src/knowledge/README.md, one line per problem naming file and field. */
const folder = process.argv[2] ? resolve(process.argv[2]) : entriesFolder(resolve(__dirname, '..', '..'));
const files = readEntryFiles(folder);
const { entries, problems } = validateEntries(files);
const examples = process.argv[2] ? { examples: [], problems: [] } : readExamples(examplesFile(resolve(__dirname, '..', '..')));
problems.push(...examples.problems);

const perTopic = new Map<string, number>(TOPIC_IDS.map((topic) => [topic, 0]));
for (const entry of entries) perTopic.set(entry.topic, (perTopic.get(entry.topic) ?? 0) + 1);
for (const [topic, count] of perTopic) {
  if (topic !== 'out-of-scope' && count < 3) problems.push(`${topic}: topic: has ${count} valid entries; every topic needs at least 3`);
}

if (problems.length > 0) {
  process.stderr.write(`${problems.length} problem(s) in ${files.length} entries:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${entries.length} entries OK across ${[...perTopic.values()].filter((n) => n > 0).length} topics; ${examples.examples.length} labelled examples OK.\n`);
