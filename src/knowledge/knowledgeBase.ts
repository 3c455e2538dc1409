import { join } from 'node:path';
import { DEFAULT_SETTINGS, KnowledgeIndex } from './knowledgeIndex';
import { readExamples } from './loadExamples';
import { readEntryFiles } from './loadEntries';
import { validateEntries } from './validateEntries';

/** Where the shipped entries live, relative to the project root. */
export function entriesFolder(rootDir: string): string {
  return join(rootDir, 'src', 'knowledge', 'entries');
}

export function examplesFile(rootDir: string): string {
  return join(rootDir, 'src', 'knowledge', 'examples', 'parentMessages.jsonl');
}

/**
 * Loads, checks and indexes the entries and labelled examples. A broken entry stops start-up with
 * the checker's messages: better no bot than one that silently lacks an answer.
 */
export function loadKnowledgeBase(rootDir: string): KnowledgeIndex {
  const report = validateEntries(readEntryFiles(entriesFolder(rootDir)));
  const examples = readExamples(examplesFile(rootDir));
  const problems = [...report.problems, ...examples.problems];
  if (problems.length > 0) {
    throw new Error(`The knowledge base has problems (run "npm run kb:check"):\n- ${problems.join('\n- ')}`);
  }
  return new KnowledgeIndex(report.entries, DEFAULT_SETTINGS, examples.examples);
}
