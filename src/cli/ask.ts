import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { repliesFor } from '../dialogs/answerReplies';
import { loadKnowledgeBase } from '../knowledge/knowledgeBase';
import { routeMessage } from '../dialogs/routeMessage';

/**
 * `npm run ask -- "message"`: what the bot would answer, in the terminal.
 * `npm run --silent ask -- --json`: reads messages from standard input, one per line, and prints one
 * routing result per line as JSON — nothing else — for bulk testing of the knowledge base. Danger
 * is checked first (`kind: "crisis"` with its `category`), then situations (`kind: "dialog"`).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const index = loadKnowledgeBase(resolve(__dirname, '..', '..'));

  if (args.includes('--json')) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) process.stdout.write(`${JSON.stringify(routeMessage(line, index))}\n`);
    return;
  }

  const message = args.join(' ').trim();
  if (!message) {
    process.stderr.write('Usage: npm run ask -- "your question"   or   npm run --silent ask -- --json < messages.txt\n');
    process.exit(2);
  }
  const result = routeMessage(message, index);
  for (const reply of repliesFor(result, index)) {
    process.stdout.write(`${reply.text}\n`);
    for (const button of [...(reply.cardButtons ?? []), ...(reply.buttons ?? [])]) process.stdout.write(`  [${button}]\n`);
    process.stdout.write('\n');
  }
  const top = result.candidates.map((c) => `${c.id} ${c.score}`).join(', ');
  process.stdout.write(`-- ${result.kind}${result.category ? ` (${result.category})` : ''}, topic ${result.topic ?? 'none'}, confidence ${result.confidence}; candidates: ${top || 'none'}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
