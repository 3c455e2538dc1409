'use strict';
// How many connections are waiting to be accepted on a listening port, read from /proc/net/tcp
// (for a socket in LISTEN state the rx_queue column is the accept queue length). Since libuv 1.45
// (Node 20) a server accepts one connection per event-loop iteration, so under load this queue
// shows new connections waiting for the server to get round to them.
const { readFileSync } = require('node:fs');

const LISTEN = '0A';

function acceptQueueLength(port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let total = 0;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 5 || fields[3] !== LISTEN || !fields[1].endsWith(`:${hexPort}`)) continue;
      total += parseInt(fields[4].split(':')[1], 16);
    }
  }
  return total;
}

/** Samples the queue every `everyMs` until stopped; resolves { max, mean, samples }. */
function watchAcceptQueue(port, everyMs = 250) {
  const samples = [];
  const timer = setInterval(() => samples.push(acceptQueueLength(port)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      const max = samples.length ? Math.max(...samples) : 0;
      const mean = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : 0;
      return { max, mean: Math.round(mean * 10) / 10, samples: samples.length };
    },
  };
}

module.exports = { acceptQueueLength, watchAcceptQueue };
