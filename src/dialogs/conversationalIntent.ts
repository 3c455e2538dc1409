import { isBareFarewell } from '../safety/farewell';

/**
 * Recognises the few things people say to steer the conversation itself rather than ask a
 * question: help, back, start over, talk to a person, hello, thanks, bye. Anchored patterns only, so a
 * long message that merely contains "help" ("how can I help my son…") is left for routing.
 */
export type ConversationalIntent = 'help' | 'back' | 'startOver' | 'talkToPerson' | 'greeting' | 'thanks' | 'goodbye';

const PATTERNS: ReadonlyArray<readonly [ConversationalIntent, RegExp]> = [
  [
    'startOver',
    /^(start (again|over)|restart|begin again|reset|new question|go back to (the )?start|cancel|cancel (this|that|it)|stop|stop (it|this|these questions|asking( me)?( questions)?)|no more questions|never ?mind|forget (it|that)|leave it|quit|exit)$/,
  ],
  ['back', /^(back|go back|previous|previous question|last question|change (my )?(last )?answer|undo|i made a mistake|wrong answer)$/],
  ['help', /^(help|menu|options|main menu|what can you do|what do you do|what can you help with|topics|show (me )?(the )?(menu|topics|options))$/],
  [
    'talkToPerson',
    /^(talk to a person|((can|could|may) i |i want to |i would like to |i'?d like to |i need to |let me )?(speak|talk|chat) (to|with) (someone|somebody|a person|a human|an adviser|an advisor|a real person|a real human|an actual person|a real adviser|someone real)|(a )?real person|human|(an )?adviser|(an )?advisor|phone( number)?|call (you|someone)|helpline( number)?|((can|could|will|would) )?(you|u|someone|somebody|an adviser|an advisor|a person) (call|ring|phone) me( back)?|(call|ring|phone) me( back)?|(i want|i'?d like|i would like|can i (have|get)) a (call|callback|call back|phone call)( back)?)$/,
  ],
  ['greeting', /^(hi|hello|hiya|hey|hey there|good (morning|afternoon|evening)|hi there|hello there)$/],
  ['thanks', /^(thanks|thank you|thank you so much|thanks a lot|cheers|ta|thx|ty)$/],
  ['goodbye', /^(bye|goodbye|bye bye|see you|that'?s all|no thanks|nothing else)$/],
];

/** Lower-case, strip punctuation and polite padding so "Help!!" and "please help" match. */
export function normaliseShortMessage(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\b(please|pls|plz|ok|okay|um|erm|actually|sorry|just|now)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function detectConversationalIntent(text: string): ConversationalIntent | undefined {
  const normalised = normaliseShortMessage(text);
  if (normalised === '' || normalised.length > 60) return undefined;
  return PATTERNS.find(([, pattern]) => pattern.test(normalised))?.[0] ?? (isBareFarewell(text) ? 'goodbye' : undefined);
}
