'use strict';
// Calibration: before any load, each script is played once, one message at a time, in its own
// conversation. After each POST is answered the bot's turn is over (the gateway answers only when
// /api/messages has answered, and CloudAdapter answers only after the turn), so the server's
// transcript then holds that turn's complete set of replies, and nothing else can add to it: one
// sender, nothing in flight. That gives, per script turn, how many activities the bot sends (and
// what they say). Under load a turn is complete when that many replies to it have arrived on the
// stream; fewer within the deadline are lost, more are duplicates.
const { DirectLineConversation, replySignature } = require('./directLineConversation');
const { forEachLimited, sleep } = require('./stats');

async function calibrateScript(baseUrl, script) {
  const conversation = await new DirectLineConversation(baseUrl).open();
  try {
    const turns = [];
    let greeting = 0;
    let onStreamBeforeAnswer = 0;
    let replies = 0;
    for (let index = 0; index < script.length; index += 1) {
      const answer = await conversation.sendText(script[index]);
      if (answer.status !== 200) throw new Error(`calibration post answered HTTP ${answer.status}`);
      // How often the stream had already delivered the whole turn when the POST answer was read.
      await new Promise((resolve) => setImmediate(resolve));
      const alreadyOnStream = conversation.replies.get(answer.id)?.at.length ?? 0;
      const transcript = await conversation.transcript();
      const fromBot = transcript.filter((a) => a.from?.id !== conversation.session.userId);
      if (index === 0) greeting = fromBot.filter((a) => !a.replyToId).length;
      const mine = fromBot.filter((a) => a.replyToId === answer.id);
      turns.push({ count: mine.length, signatures: mine.map(replySignature) });
      replies += mine.length;
      onStreamBeforeAnswer += Math.min(alreadyOnStream, mine.length);
    }
    return { greeting, turns, replies, onStreamBeforeAnswer };
  } finally {
    conversation.close();
  }
}

/**
 * Plays every script once (a few at a time) and returns one expectation per script:
 * { greeting: activities sent on start, turns: [{ count, signatures }] }. It also warms the server up.
 */
async function calibrate(baseUrl, scripts, concurrency = 8) {
  const expectations = new Array(scripts.length);
  let replies = 0;
  let onStream = 0;
  await forEachLimited(scripts, concurrency, async (script, index) => {
    expectations[index] = await calibrateScript(baseUrl, script);
    replies += expectations[index].replies;
    onStream += expectations[index].onStreamBeforeAnswer;
  });
  await sleep(100);
  const perTurn = expectations.flatMap((e) => e.turns.map((t) => t.count));
  return {
    expectations,
    summary: {
      scripts: scripts.length,
      turns: perTurn.length,
      repliesPerTurn: { min: Math.min(...perTurn), max: Math.max(...perTurn), mean: Math.round((replies / perTurn.length) * 100) / 100 },
      greetingActivities: expectations[0].greeting,
      repliesAlreadyOnStreamWhenPostAnswered: `${onStream}/${replies}`,
    },
  };
}

module.exports = { calibrate };
