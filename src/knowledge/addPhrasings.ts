import { readFileSync, writeFileSync } from 'node:fs';
import { isSeq, parseDocument, Scalar } from 'yaml';

const FRONT_MATTER = /^(---\r?\n)([\s\S]*?)(\r?\n---\r?\n?)([\s\S]*)$/;

/**
 * Adds phrasings to one entry file's front matter, keeping everything else as written (comments,
 * order, quoting, the answer). Phrasings already there (ignoring case) are skipped. Returns how
 * many were added.
 */
export function addPhrasings(path: string, phrasings: readonly string[]): number {
  const text = readFileSync(path, 'utf8');
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new Error(`${path} does not start with YAML front matter between --- lines`);
  const document = parseDocument(match[2]);
  const list = document.get('phrasings');
  if (!isSeq(list)) throw new Error(`${path} has no phrasings list`);
  const existing = new Set(list.items.map((item) => String((item as { value?: unknown }).value ?? item).toLowerCase()));
  let added = 0;
  for (const phrasing of phrasings) {
    if (existing.has(phrasing.toLowerCase())) continue;
    const node = document.createNode(phrasing) as Scalar;
    node.type = 'QUOTE_DOUBLE';
    list.add(node);
    existing.add(phrasing.toLowerCase());
    added += 1;
  }
  if (added > 0) writeFileSync(path, `${match[1]}${document.toString({ lineWidth: 0 }).replace(/\n$/, '')}${match[3]}${match[4]}`);
  return added;
}
