import { KnowledgeIndex } from '../knowledge/knowledgeIndex';
import { RoutingResult } from '../knowledge/routingResult';
import { HELPLINE } from '../handoff/helpline';
import { crisisSignposts } from '../safety/signposts';
import { MAIN_MENU, MESSAGES } from './messages';
import { scriptFor, SITUATION_SCRIPTS } from './situations/situationScripts';
import { MENU_TITLES } from './menuButtons';

/**
 * One message the bot sends: text and optional buttons (each button sends its title back).
 * `buttons` are quick replies that vanish once the next message arrives (Web Chat shows them only
 * under the last message); `cardButtons` stay in the conversation, so they can come before others.
 */
export interface Reply {
  readonly text: string;
  readonly buttons?: readonly string[];
  readonly cardButtons?: readonly string[];
}

export const HELPFUL_YES = 'Yes, it helped';
export const HELPFUL_NO = 'No, not really';
export const SOMETHING_ELSE = 'Something else';
const MAX_RELATED = 3;
const GUIDE_PREFIX = 'Guide me: ';

/** The button that starts a guided conversation from an answer about the same situation. */
export function guideButton(topic: string): string | undefined {
  const script = scriptFor(topic);
  return script ? `${GUIDE_PREFIX}${script.title}` : undefined;
}

/** The guided conversation a tapped button asks for: a situation on the menu, or a "Guide me" offer. */
export function situationForButton(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  const menuChoice = MAIN_MENU.find((choice) => choice.title.toLowerCase() === lower && scriptFor(choice.topic));
  if (menuChoice) return menuChoice.topic;
  return SITUATION_SCRIPTS.find((script) => guideButton(script.topic)?.toLowerCase() === lower)?.topic;
}

/**
 * What the bot says for a routing result, as plain data: the chat turns it into activities, and
 * `npm run ask` prints it, so both always say the same thing.
 */
export function repliesFor(result: RoutingResult, index: KnowledgeIndex): Reply[] {
  if (result.kind === 'crisis') {
    return crisisSignposts(result.categories ?? [], { hasQuickExit: true }).map((text) => ({ text }));
  }
  const script = result.kind === 'dialog' && result.target ? scriptFor(result.target) : undefined;
  if (script) return [{ text: script.intro }, { text: script.questions[0].prompt }];
  if (result.kind === 'faq' && result.target) {
    const entry = index.entry(result.target);
    if (entry) return answerReplies(entry.id, index);
  }
  if (result.kind === 'clarify') {
    const titles = offeredTitles(result, index);
    return [{ text: 'I want to make sure I give you the right information. Did you mean one of these?', buttons: [...titles, SOMETHING_ELSE] }];
  }
  return fallbackReplies(result.topic === 'out-of-scope');
}

export function answerReplies(entryId: string, index: KnowledgeIndex): Reply[] {
  const entry = index.entry(entryId);
  if (!entry) return fallbackReplies(false);
  const related = entry.related
    .map((id) => index.entry(id)?.title)
    .filter((title): title is string => Boolean(title))
    .slice(0, MAX_RELATED);
  const guide = entry.offerDialog ? guideButton(entry.offerDialog) : undefined;
  const next = guide
    ? [{ text: 'I can ask you a few questions and suggest next steps for your situation. Or read more:', cardButtons: [guide, ...related] }]
    : related.length > 0
      ? [{ text: 'People in your situation also ask:', cardButtons: related }]
      : [];
  return [
    { text: `**${entry.title}**\n\n${entry.answer}` },
    ...next,
    { text: 'Was this helpful?', buttons: [HELPFUL_YES, HELPFUL_NO] },
  ];
}

/**
 * An answer given in the middle of a guided conversation, which carries on afterwards: no "Was
 * this helpful?" (the question being asked needs the next reply), and a way into the entry's own
 * guided conversation when it is a different one.
 */
export function asideReplies(entryId: string, index: KnowledgeIndex, currentTopic: string): Reply[] {
  const entry = index.entry(entryId);
  if (!entry) return [];
  const guide = entry.offerDialog && entry.offerDialog !== currentTopic ? guideButton(entry.offerDialog) : undefined;
  return [
    { text: `**${entry.title}**\n\n${entry.answer}` },
    ...(guide ? [{ text: 'If you would rather go through that instead, I can ask you about it:', cardButtons: [guide] }] : []),
  ];
}

/** "Did you mean…" in the middle of a guided conversation: buttons that stay, so the question can follow. */
export function asideClarifyReplies(result: RoutingResult, index: KnowledgeIndex): Reply[] {
  const titles = offeredTitles(result, index);
  if (titles.length === 0) return [];
  return [{ text: 'That sounds like a different question. Did you mean one of these?', cardButtons: titles }];
}

export function fallbackReplies(outOfScope: boolean): Reply[] {
  const opening = outOfScope
    ? "I'm sorry, I can't help with that. I only know about children's services and family law in England and Wales."
    : MESSAGES.fallback[0];
  return [
    { text: opening },
    { text: 'You could try asking in a different way, or pick a topic below.' },
    { text: MESSAGES.fallback[2], buttons: MENU_TITLES },
  ];
}

export const FEEDBACK_REPLIES = Object.freeze({
  thanks: 'Thank you. Is there anything else you would like to know?',
  whatWasMissing: `Sorry it didn't help. What were you hoping to find out? Type it in your own words and I'll try again, or talk it through with an adviser on ${HELPLINE.number} (${HELPLINE.hoursInWords}).`,
  somethingElse: 'OK. Could you tell me a bit more about what is happening, in your own words? Or pick a topic below.',
});

/** The (up to) three entries "Did you mean…" offers, best first. */
export function offeredEntries(result: RoutingResult, index: KnowledgeIndex): string[] {
  return result.candidates
    .map((c) => c.id)
    .filter((id, i, all) => all.indexOf(id) === i && index.entry(id) !== undefined)
    .slice(0, 3);
}

function offeredTitles(result: RoutingResult, index: KnowledgeIndex): string[] {
  return offeredEntries(result, index).map((id) => index.entry(id)?.title ?? '');
}
