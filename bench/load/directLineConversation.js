'use strict';
// One person's chat through the built-in Direct Line gateway: a token, a started conversation and
// the WebSocket stream. It keeps, for each message the person sent, the bot's replies (found by
// replyToId) with the moment each arrived, so a turn can be timed from the stream alone.
const { performance } = require('node:perf_hooks');
const { createHash, randomBytes } = require('node:crypto');
const WebSocket = require('ws');
const { personalAgent, requestJson } = require('./httpJson');

/** A short fingerprint of what a reply says, to notice a turn answered differently from calibration. */
function replySignature(activity) {
  const shape = {
    type: activity.type,
    text: activity.text,
    attachments: (activity.attachments ?? []).map((a) => a.contentType),
    actions: (activity.suggestedActions?.actions ?? []).map((a) => a.title),
  };
  return createHash('sha1').update(JSON.stringify(shape)).digest('base64').slice(0, 12);
}

class DirectLineConversation {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    // Each simulated person has their own keep-alive connection, as each browser does.
    this.agent = personalAgent();
    this.session = undefined;
    this.token = '';
    this.ws = undefined;
    /** replyToId → { at: [arrival times], signatures: [] } */
    this.replies = new Map();
    /** bot activities with no replyToId (the greeting) */
    this.unprompted = [];
    /** every activity id received on the stream, to catch the same activity delivered twice */
    this.seenIds = new Set();
    this.repeatedIds = 0;
    /** user message id → how many times the stream echoed it (Direct Line echoes each once) */
    this.echoes = new Map();
    this.waiters = new Set();
    this.closedByServer = false;
  }

  /** Token, start, stream open. Resolves once the WebSocket is open. */
  async open() {
    const issued = await requestJson(`${this.baseUrl}/api/directline/token`, { method: 'POST', agent: this.agent });
    if (issued.status !== 200) throw new Error(`token: HTTP ${issued.status}`);
    this.session = issued.body;
    const started = await requestJson(`${this.session.domain}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.session.token}` },
      agent: this.agent,
    });
    if (started.status !== 201) throw new Error(`start: HTTP ${started.status}`);
    this.token = started.body.token;
    this.ws = new WebSocket(started.body.streamUrl, { perMessageDeflate: false });
    this.ws.on('message', (data) => this.onStream(data));
    this.ws.on('close', () => {
      this.closedByServer = !this.closing;
      this.wake();
    });
    await new Promise((resolve, reject) => {
      this.ws.once('open', resolve);
      this.ws.once('error', reject);
    });
    this.ws.on('error', () => undefined);
    return this;
  }

  get conversationId() {
    return this.session.conversationId;
  }

  onStream(data) {
    if (data.length === 0) return;
    const at = performance.now();
    const set = JSON.parse(String(data));
    for (const activity of set.activities ?? []) {
      if (this.seenIds.has(activity.id)) {
        this.repeatedIds += 1;
        continue;
      }
      this.seenIds.add(activity.id);
      if (activity.from?.id === this.session.userId) {
        this.echoes.set(activity.id, (this.echoes.get(activity.id) ?? 0) + 1);
      } else if (activity.replyToId) {
        let entry = this.replies.get(activity.replyToId);
        if (!entry) {
          entry = { at: [], signatures: [] };
          this.replies.set(activity.replyToId, entry);
        }
        entry.at.push(at);
        entry.signatures.push(replySignature(activity));
      } else {
        this.unprompted.push({ at, signature: replySignature(activity) });
      }
    }
    this.wake();
  }

  wake() {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves true when `condition()` holds, false at the deadline (performance.now() ms). */
  until(condition, deadline) {
    if (condition()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (result) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(result);
      };
      const check = () => {
        if (condition()) finish(true);
        else if (this.closedByServer) finish(false);
      };
      const timer = setTimeout(() => finish(condition()), Math.max(0, deadline - performance.now()));
      this.waiters.add(check);
    });
  }

  /** Waits for the greeting's `count` activities. */
  waitForGreeting(count, timeoutMs = 10000) {
    return this.until(() => this.unprompted.length >= count, performance.now() + timeoutMs);
  }

  /** Posts one activity; resolves { status, id }. Every message carries a clientActivityID, as Web Chat's do. */
  async post(activity, clientActivityId = randomBytes(9).toString('base64url'), timeoutMs = 15000) {
    const body = { ...activity, from: { id: this.session.userId }, channelData: { clientActivityID: clientActivityId, ...(activity.channelData ?? {}) } };
    const answer = await requestJson(`${this.session.domain}/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}` },
      body,
      timeoutMs,
      agent: this.agent,
    });
    return { status: answer.status, id: answer.status === 200 ? answer.body.id : undefined };
  }

  sendText(text, clientActivityId, timeoutMs) {
    return this.post({ type: 'message', text, locale: 'en-GB' }, clientActivityId, timeoutMs);
  }

  /** Waits until `expected` replies to message `id` have arrived; resolves { complete, lastAt, count }. */
  async waitForReplies(id, expected, deadline) {
    const count = () => this.replies.get(id)?.at.length ?? 0;
    const complete = await this.until(() => count() >= expected, deadline);
    const at = this.replies.get(id)?.at ?? [];
    return { complete, count: at.length, lastAt: at.length ? at[Math.min(at.length, expected) - 1] : undefined };
  }

  /** Everything the server holds for this conversation (Direct Line's short transcript). */
  async transcript() {
    const answer = await requestJson(`${this.session.domain}/conversations/${this.conversationId}/activities`, {
      headers: { authorization: `Bearer ${this.token}` },
      agent: this.agent,
    });
    if (answer.status !== 200) throw new Error(`transcript: HTTP ${answer.status}`);
    return answer.body.activities;
  }

  /** True while the WebSocket stream is open. */
  isStreaming() {
    return this.ws !== undefined && this.ws.readyState === WebSocket.OPEN;
  }

  close() {
    this.closing = true;
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) this.ws.close();
    this.agent.destroy();
  }
}

module.exports = { DirectLineConversation, replySignature };
