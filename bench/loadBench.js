'use strict';
// npm run bench:load — issue 7: throughput and latency of the advice bot through the built-in
// Direct Line gateway under load, beside a minimal echo bot on the same stack; an open-loop run
// at a fixed arrival rate; resident memory with many open conversations; duplicate replies when
// messages are retried. Runs the built dist/ (npm run build first). See bench/load/README.md.
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const { HELP, parseOptions } = require('./load/options');
const { printSummary, TARGETS, verdicts } = require('./load/report');
const { runAll } = require('./load/runner');

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(HELP);
    return;
  }
  const began = Date.now();
  const log = (line) => console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const results = await runAll(options, log);
  const failures = verdicts(results);
  results.targets = TARGETS;
  results.failures = failures;
  const out = resolve(options.out ?? join(__dirname, 'results', `load-${results.startedAt.replace(/[:.]/g, '-')}.json`));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  printSummary(results, failures);
  console.log(`\nJSON summary: ${out}`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
