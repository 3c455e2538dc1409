const BARE_FAREWELL =
  /^(?:(?:ok|okay|right|thanks|thank you|thanks again|cheers|ta)[ ,.!]+)?(?:good ?bye|bye|bye bye|byee+)(?:[ ,.!]+(?:for now|then|now|x+|thanks|thank you|again))*[ ,.!x]*$/;

/**
 * A whole message that only says goodbye ("bye", "ok bye x", "thanks, goodbye"). Most people say it
 * when they are done, so on its own it is not a sign of danger; after danger was mentioned in the
 * same conversation it may be a last word, and the safety gate treats it so.
 */
export function isBareFarewell(text: string): boolean {
  const reply = text.trim().toLowerCase().replace(/[’‘]/g, "'");
  return reply.length <= 40 && BARE_FAREWELL.test(reply);
}
