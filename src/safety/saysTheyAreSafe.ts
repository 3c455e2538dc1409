const NEGATION = /\b(not|no|never|isn'?t|aren'?t|wasn'?t|don'?t|dont|can'?t|cant)\b|n't\b/;
const SAFE_STATEMENT =
  /^(yes|yeah|yep|yh|ok|okay)?[ ,.]*(i'?m|im|i am|we'?re|we are|were|we'?re all|we are all|everyone'?s|everyone is|the kids are|kids are|the children are|children are|my kids are|my children are)( all)?( now)? (safe|ok|okay|fine|alright|all right)( now| right now| at the moment| for now)?( thanks| thank you)?$|^(all )?safe( now)?$/;

/**
 * "yes I'm safe now" after the urgent numbers were shown: a plain statement that nobody is in danger
 * at the moment, and nothing more ("I'm safe but he's coming back tonight" is not). Bare "ok" or
 * "yes" is not enough (it may answer whatever was asked next), and a negation never reads as safe.
 */
export function saysTheyAreSafe(text: string): boolean {
  const reply = text
    .trim()
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[!?.,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (reply.length > 80 || NEGATION.test(reply)) return false;
  return SAFE_STATEMENT.test(reply);
}
