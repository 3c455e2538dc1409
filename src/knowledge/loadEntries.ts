import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** A file split into its front matter (not yet checked) and its body. */
export interface EntryFile {
  readonly file: string;
  readonly frontMatter: unknown;
  readonly body: string;
  /** Set when the file could not even be split or parsed. */
  readonly parseError?: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parseEntryFile(file: string, text: string): EntryFile {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return { file, frontMatter: undefined, body: '', parseError: 'does not start with YAML front matter between --- lines' };
  try {
    return { file, frontMatter: parseYaml(match[1]), body: match[2].trim() };
  } catch (error) {
    return { file, frontMatter: undefined, body: '', parseError: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Every `*.md` below `dir` (one level of topic folders), with paths relative to `dir` for messages. */
export function readEntryFiles(dir: string): EntryFile[] {
  const files: EntryFile[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(parseEntryFile(relative(dir, path), readFileSync(path, 'utf8')));
    }
  };
  walk(dir);
  return files;
}
