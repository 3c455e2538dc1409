import { basename } from 'node:path';
import { KnowledgeEntry } from './knowledgeEntry';
import { EntryFile } from './loadEntries';
import { DIALOG_TOPICS, isTopicId, TopicId } from './taxonomy';

export const MIN_PHRASINGS = 5;
export const MIN_ANSWER_WORDS = 30;
/** "At most about 180 words": a little room for a Wales note, no more. */
export const MAX_ANSWER_WORDS = 200;
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface ValidationReport {
  readonly entries: KnowledgeEntry[];
  /** One line per problem: `file: field: what is wrong`. */
  readonly problems: string[];
}

export function countWords(markdown: string): number {
  return markdown.replace(/[*_#>`[\]()]/g, ' ').split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

/** Checks every rule in knowledge/README.md; entries with problems are left out of `entries`. */
export function validateEntries(files: readonly EntryFile[]): ValidationReport {
  const problems: string[] = [];
  const candidates: KnowledgeEntry[] = [];

  for (const file of files) {
    const report = (field: string, message: string) => problems.push(`${file.file}: ${field}: ${message}`);
    if (file.parseError) {
      report('file', file.parseError);
      continue;
    }
    const data = file.frontMatter as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      report('front matter', 'must be a YAML mapping of fields');
      continue;
    }
    const before = problems.length;
    const text = (field: string): string => {
      const value = data[field];
      if (typeof value !== 'string' || value.trim() === '') {
        report(field, 'is missing or not text');
        return '';
      }
      return value.trim();
    };
    const list = (field: string, required: boolean): string[] => {
      const value = data[field];
      if ((value === undefined || value === null) && !required) return [];
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
        report(field, 'must be a list of text items');
        return [];
      }
      return value.map((item: string) => item.trim());
    };

    const id = text('id');
    const topic = text('topic');
    const title = text('title');
    const phrasings = list('phrasings', true);
    const links = list('links', true);
    const related = list('related', false);

    if (id && !ID_PATTERN.test(id)) report('id', `"${id}" must be lower-case words joined by hyphens`);
    if (id && basename(file.file, '.md') !== id) report('id', `"${id}" must match the file name (${basename(file.file)})`);
    if (topic && !isTopicId(topic)) report('topic', `"${topic}" is not a topic in TAXONOMY.md`);
    if (topic === 'out-of-scope') report('topic', 'out-of-scope is for messages the bot cannot answer, not for entries');
    if (id && isTopicId(topic) && !id.startsWith(`${topic}-`)) report('id', `"${id}" must start with its topic "${topic}-"`);
    const distinct = new Set(phrasings.map((p) => p.toLowerCase()));
    if (phrasings.length > 0 && distinct.size < MIN_PHRASINGS) report('phrasings', `needs at least ${MIN_PHRASINGS} different phrasings (found ${distinct.size})`);
    if (data.links !== undefined && links.length === 0 && Array.isArray(data.links)) report('links', 'needs at least one source');
    for (const link of links) {
      if (!isHttpsUrl(link)) report('links', `"${link}" is not an https:// address`);
    }
    let offerDialog: TopicId | undefined;
    if (data.offerDialog !== undefined) {
      if (!isTopicId(data.offerDialog) || !DIALOG_TOPICS.includes(data.offerDialog)) {
        report('offerDialog', `"${String(data.offerDialog)}" is not a guided conversation (one of: ${DIALOG_TOPICS.join(', ')})`);
      } else offerDialog = data.offerDialog;
    }
    const words = countWords(file.body);
    if (words < MIN_ANSWER_WORDS) report('answer', `is ${words} words; write at least ${MIN_ANSWER_WORDS}`);
    if (words > MAX_ANSWER_WORDS) report('answer', `is ${words} words; keep it to about 180 (at most ${MAX_ANSWER_WORDS})`);
    const unknown = Object.keys(data).filter((key) => !['id', 'topic', 'title', 'phrasings', 'links', 'related', 'offerDialog'].includes(key));
    if (unknown.length > 0) report('front matter', `unknown field(s): ${unknown.join(', ')}`);

    if (problems.length === before) {
      candidates.push({ id, topic: topic as TopicId, title, phrasings, links, related, offerDialog, answer: file.body, file: file.file });
    }
  }

  const seen = new Map<string, string>();
  for (const entry of candidates) {
    const first = seen.get(entry.id);
    if (first) problems.push(`${entry.file}: id: "${entry.id}" is already used by ${first}`);
    else seen.set(entry.id, entry.file);
  }
  for (const entry of candidates) {
    for (const id of entry.related) {
      if (id === entry.id) problems.push(`${entry.file}: related: an entry cannot be related to itself`);
      else if (!seen.has(id)) problems.push(`${entry.file}: related: "${id}" is not the id of any entry`);
    }
  }
  const valid = candidates.filter((entry) => !problems.some((p) => p.startsWith(`${entry.file}:`)));
  return { entries: valid, problems };
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
