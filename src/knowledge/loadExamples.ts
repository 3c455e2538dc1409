import { existsSync, readFileSync } from 'node:fs';
import { isTopicId, TopicId } from './taxonomy';

export interface LabelledExample {
  readonly topic: TopicId;
  readonly text: string;
}

/**
 * Messages in parents' own words, each labelled with its topic (`examples/parentMessages.jsonl`,
 * one JSON object per line). They teach the matcher how people describe each topic beyond the
 * entries' phrasings. Never add messages from test/fixtures/routing/devset.jsonl here: that set
 * measures the matcher, and must stay unseen by it.
 */
export function readExamples(file: string): { examples: LabelledExample[]; problems: string[] } {
  const examples: LabelledExample[] = [];
  const problems: string[] = [];
  if (!existsSync(file)) return { examples, problems };
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const where = `examples line ${index + 1}`;
      let row: { topic?: unknown; text?: unknown };
      try {
        row = JSON.parse(line);
      } catch {
        problems.push(`${where}: not valid JSON`);
        return;
      }
      if (!isTopicId(row.topic)) problems.push(`${where}: topic: "${String(row.topic)}" is not a topic in TAXONOMY.md`);
      else if (typeof row.text !== 'string' || row.text.trim() === '') problems.push(`${where}: text: is missing`);
      else examples.push({ topic: row.topic, text: row.text });
    });
  return { examples, problems };
}
