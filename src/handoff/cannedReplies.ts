import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A ready-made reply in the adviser console: a short button title and the text it sends. */
export interface CannedReply {
  readonly title: string;
  readonly text: string;
}

/**
 * Reads the canned replies file (a YAML list of {title, text}). Throws an error naming the file
 * and the entry when it is missing or malformed, so a bad edit stops start-up instead of
 * silently leaving advisers without their replies.
 */
export function loadCannedReplies(path: string): CannedReply[] {
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`CANNED_REPLIES_PATH: cannot read "${path}" as YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`CANNED_REPLIES_PATH: "${path}" must be a YAML list of entries with a title and a text.`);
  return parsed.map((entry: unknown, index) => {
    const { title, text } = (entry ?? {}) as Record<string, unknown>;
    if (typeof title !== 'string' || title.trim() === '' || typeof text !== 'string' || text.trim() === '') {
      throw new Error(`CANNED_REPLIES_PATH: entry ${index + 1} of "${path}" needs a non-empty "title" and "text".`);
    }
    return { title: title.trim(), text: text.trim() };
  });
}
