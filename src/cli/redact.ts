import { createInterface } from 'node:readline';
import { redact } from '../analytics/redact';

/**
 * `npm run --silent redact < messages.txt`: each line of standard input, redacted as analytics
 * stores it, on one line of standard output. For tests, and for staff to check the redaction.
 */
async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) process.stdout.write(`${redact(line).text}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`redact failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
