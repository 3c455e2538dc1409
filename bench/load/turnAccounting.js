'use strict';
// Plays one turn and, afterwards, checks a conversation's turns against calibration: every reply
// that should have come did, once, and nothing more came.
const { performance } = require('node:perf_hooks');

function newTally() {
  return {
    turns: 0,
    completed: 0,
    lostTurns: 0, // no complete set of replies within the deadline (or the POST failed)
    failedPosts: 0, // of those, the POST itself was refused or failed
    lostReplies: 0, // replies calibration says were due that never arrived
    duplicateReplies: 0, // replies beyond the calibrated set (a second set, or a stray extra)
    repeatedActivities: 0, // the same activity id delivered twice on the stream
    duplicateEchoes: 0, // the person's own message shown twice
    missingEchoes: 0, // the person's own message never shown back
    differentAnswers: 0, // turns answered with other content than in calibration (not an error; a sign of non-determinism)
    orphanReplies: 0, // replies to a message whose POST failed (so the client never learnt its id)
    retryIdMismatches: 0, // a resend given a different id than the first send (the gateway would deliver it twice)
    postStatuses: {},
  };
}

function addTally(into, from) {
  for (const [key, value] of Object.entries(from)) {
    if (key === 'postStatuses') {
      for (const [status, n] of Object.entries(value)) into.postStatuses[status] = (into.postStatuses[status] ?? 0) + n;
    } else into[key] += value;
  }
  return into;
}

/** One POST per turn, as normal. Resolves the list of answers ({ status, id }). */
const sendOnce = (conversation, text, clientActivityId, timeoutMs) => conversation.sendText(text, clientActivityId, timeoutMs).then((answer) => [answer]);

/**
 * Posts one message (through `send`, which may post it more than once with the same
 * clientActivityID) and waits for its calibrated replies. `from` is when the turn counts as started
 * (the scheduled time in the open loop). Resolves { ok, id, latencyMs, serviceMs, doneAt }.
 */
async function playTurn(conversation, text, expected, { from, timeoutMs = 10000, send = sendOnce, tally, record }) {
  const sentAt = performance.now();
  const startedAt = from ?? sentAt;
  const deadline = sentAt + timeoutMs;
  tally.turns += 1;
  const clientActivityId = `load-${record.nextClientId++}-${conversation.conversationId.slice(0, 8)}`;
  let answers;
  try {
    answers = await send(conversation, text, clientActivityId, timeoutMs + 5000);
  } catch (error) {
    answers = [{ status: error.code ?? 'error' }];
  }
  for (const answer of answers) tally.postStatuses[answer.status] = (tally.postStatuses[answer.status] ?? 0) + 1;
  const accepted = answers.filter((answer) => answer.status === 200 && answer.id);
  if (new Set(accepted.map((answer) => answer.id)).size > 1) tally.retryIdMismatches += 1;
  if (accepted.length === 0) {
    tally.lostTurns += 1;
    tally.failedPosts += 1;
    return { ok: false };
  }
  const id = accepted[0].id;
  const answeredAt = performance.now();
  record.posted.push({ id, expected });
  const waited = await conversation.waitForReplies(id, expected.count, deadline);
  if (!waited.complete) {
    tally.lostTurns += 1;
    return { ok: false, id };
  }
  tally.completed += 1;
  const doneAt = expected.count === 0 ? answeredAt : Math.max(waited.lastAt, sentAt);
  return { ok: true, id, latencyMs: doneAt - startedAt, serviceMs: doneAt - sentAt, doneAt };
}

/** A fresh per-conversation record for playTurn/reconcile. */
const newRecord = () => ({ posted: [], nextClientId: 1 });

/** After the conversation has gone quiet: compare what arrived with what calibration said was due. */
function reconcile(conversation, record, tally) {
  tally.repeatedActivities += conversation.repeatedIds;
  for (const { id, expected } of record.posted) {
    const got = conversation.replies.get(id);
    const count = got?.at.length ?? 0;
    if (count < expected.count) tally.lostReplies += expected.count - count;
    if (count > expected.count) tally.duplicateReplies += count - expected.count;
    if (got && got.signatures.slice(0, expected.count).join() !== expected.signatures.join()) tally.differentAnswers += 1;
    const echoes = conversation.echoes.get(id) ?? 0;
    if (echoes === 0) tally.missingEchoes += 1;
    if (echoes > 1) tally.duplicateEchoes += echoes - 1;
  }
  // Replies to messages this client never got an id for (a POST that failed after the bot answered).
  const known = new Set(record.posted.map((p) => p.id));
  for (const [replyToId, got] of conversation.replies) if (!known.has(replyToId)) tally.orphanReplies += got.at.length;
}

module.exports = { newTally, addTally, newRecord, playTurn, reconcile };
