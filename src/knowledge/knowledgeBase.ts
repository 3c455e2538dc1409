import { join } from 'node:path';
import { KnowledgeIndex } from './knowledgeIndex';
import { readEntryFiles } from './loadEntries';
import { validateEntries } from './validateEntries';

/** Where the shipped entries live, relative to the project root. */
export function entriesFolder(rootDir: string): string {
  return join(rootDir, 'src', 'knowledge', 'entries');
}

/**
 * Loads, checks and indexes the entries. A broken entry stops start-up with the checker's
 * messages: better no bot than one that silently lacks an answer.
 */
export function loadKnowledgeBase(rootDir: string): KnowledgeIndex {
  const report = validateEntries(readEntryFiles(entriesFolder(rootDir)));
  if (report.problems.length > 0) {
    throw new Error(`The knowledge base has problems (run "npm run kb:check"):\n- ${report.problems.join('\n- ')}`);
  }
  return new KnowledgeIndex(report.entries);
}
