'use strict';
// JSON over plain node:http with keep-alive. Lighter on CPU than fetch, which matters when the
// load generator shares two cores with the server it is measuring.
const http = require('node:http');

const sharedAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 2048 });

/** A person's own connection(s), as a browser keeps to the site: kept alive between messages. */
function personalAgent() {
  return new http.Agent({ keepAlive: true, maxSockets: 4 });
}

/**
 * One request; resolves { status, body } (body parsed as JSON when it is JSON). A request that met
 * a kept-alive socket the server had just closed is sent once more: every POST this benchmark makes
 * is safe to repeat (messages carry a clientActivityID the gateway de-duplicates on).
 */
function requestJson(url, { method = 'GET', headers = {}, body, timeoutMs = 15000, agent = sharedAgent } = {}) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const attempt = (isRetry) =>
    new Promise((resolve, reject) => {
      const req = http.request(url, {
        method,
        agent,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
        timeout: timeoutMs,
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', (error) => {
        if (!isRetry && req.reusedSocket && error.code === 'ECONNRESET') resolve(attempt(true));
        else reject(error);
      });
      req.on('response', (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed = text;
          if (/json/.test(res.headers['content-type'] ?? '') && text) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          resolve({ status: res.statusCode, body: parsed });
        });
      });
      req.end(payload);
    });
  return attempt(false);
}

function closeIdleSockets() {
  sharedAgent.destroy();
}

module.exports = { requestJson, personalAgent, closeIdleSockets };
