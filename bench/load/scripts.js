'use strict';
// What the simulated people say: scripted conversations of questions parents really ask, drawn
// (with a fixed seed) from the labelled routing test messages. A script is replayed exactly, so
// the advice bot — deterministic for a given sequence of messages — answers each turn the same way
// every time, which is what lets the benchmark know how many replies a turn should get.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { seededRandom } = require('./stats');
const { ROOT } = require('./processes');

const DEVSET = join(ROOT, 'test', 'fixtures', 'routing', 'devset.jsonl');

function loadMessages() {
  return readFileSync(DEVSET, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line).text)
    .filter((text) => typeof text === 'string' && text.trim());
}

/** `count` scripts of `length` messages each; the same seed always gives the same scripts. */
function makeScripts(count, length, seed) {
  const messages = loadMessages();
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length }, () => messages[Math.floor(random() * messages.length)]));
}

module.exports = { makeScripts };
