import { EMERGENCY, HELPLINE } from '../handoff/helpline';
import { CrisisCategory } from './crisisCategory';

/** The button that brings the urgent numbers back at any point after danger was mentioned. */
export const URGENT_HELP_BUTTON = 'Urgent help numbers';
export const SAFE_TO_CHAT = "I'm safe to chat";

export interface SignpostOptions {
  /** The web page has a Quick Exit button; Teams does not. */
  readonly hasQuickExit: boolean;
}

/**
 * What the bot says when someone may be in danger: 999 first (with how to call without speaking),
 * then the 24-hour line that fits what was said, Quick Exit, and a person. Short lines, calm words,
 * numbers from FACTS.md §15. The silent-call steps follow the police "Silent Solution" advice.
 */
export function crisisSignposts(categories: readonly CrisisCategory[], options: SignpostOptions): string[] {
  const lines = [
    "I'm worried about what you've told me. Your safety comes first.",
    `If anyone is in danger right now, call ${EMERGENCY.emergencyNumber}. If you can't speak, call 999 from a mobile, listen, and cough or tap the phone if you can. If asked, press 55: this tells the police you need help. Deaf or speech-impaired: textphone 18000.`,
  ];
  for (const category of categories) lines.push(LINE_FOR[category]);
  if (options.hasQuickExit) lines.push('If someone might see your screen, press Quick Exit at the top of the page to leave fast.');
  lines.push(`When you're ready, an adviser can talk it through with you: ${HELPLINE.number}, ${HELPLINE.hoursInWords}. ${HELPLINE.costNote}.`);
  return lines;
}

const LINE_FOR: Readonly<Record<CrisisCategory, string>> = {
  'violence-now': `For support and a safe time to talk, the ${EMERGENCY.domesticAbuseLine}. They can call you back when it's safe.`,
  'child-at-risk-now':
    "If a child is in danger, call 999: the police can act straight away. If it isn't an emergency, call the police on 101 (24 hours). Children and young people can call Childline on 0800 1111, free, any time.",
  'suicide-self-harm': `You don't have to go through this alone. ${EMERGENCY.samaritans}: you can talk about anything. If you have already hurt yourself or taken something, call 999 or go to A&E now.`,
  'medical-emergency': 'Call 999 for an ambulance now and stay on the line: they will tell you what to do until help arrives.',
};

/** After the signposts, when no guided conversation was interrupted. */
export const SAFE_TO_CHAT_QUESTION = 'I\'m still here. Are you somewhere safe to keep chatting?';

export const SAFETY_FOLLOW_UP = Object.freeze({
  safe: "Thank you for telling me. I'm glad. The urgent numbers stay one tap away for the rest of this chat. What would you like help with?",
  notSafe: `Please call ${EMERGENCY.emergencyNumber} now if you can. If you can't speak, stay on the line and press 55 when asked. I'll still be here afterwards.`,
  resumeDialog: 'When you feel able, we can carry on where we left off.',
  safeInDialog: "Thank you for telling me. I'm glad. The urgent numbers stay one tap away for the rest of this chat.",
});
