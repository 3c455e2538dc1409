/**
 * Everything the bot says in the foundation turns, in one place so wording can be reviewed
 * without reading dialog code. Plain English, short lines, one idea per message.
 */
import { EMERGENCY, HELPLINE } from '../handoff/helpline';

export interface MenuChoice {
  /** What the button shows and what it sends back when tapped. */
  readonly title: string;
  /** Topic id from TAXONOMY.md, or 'handoff' for the person option. */
  readonly topic: string;
}

/** The situations the bot walks people through (DESIGN.md), in the order most people need them. */
export const MAIN_MENU: readonly MenuChoice[] = [
  { title: "Children's services contacted me", topic: 'referral-assessment' },
  { title: 'Child protection plan or conference', topic: 'child-protection-plan' },
  { title: 'Domestic abuse and social workers', topic: 'domestic-abuse' },
  { title: 'Section 20 (voluntary care)', topic: 'section-20' },
  { title: 'Court and care proceedings', topic: 'care-proceedings' },
  { title: 'Making a complaint', topic: 'complaint-social-worker' },
  { title: 'Talk to a person', topic: 'handoff' },
];

const helplineLine = `Family Rights Group advice line: ${HELPLINE.number}. ${HELPLINE.costNote}, ${HELPLINE.hoursInWords}.`;

export function welcomeMessages(botName: string, hasQuickExit: boolean): string[] {
  const safety = hasQuickExit
    ? 'If anyone is in danger right now, call 999. To leave this page fast, press Quick Exit (or Shift three times): it clears this chat.'
    : 'If anyone is in danger right now, call 999. This chat stays in your Teams history, so think about who else can open your Teams.';
  return [
    `Hello, I'm the ${botName}. I'm a computer program, not a person or a lawyer. I can help you understand what is happening when children's services (social services) are involved with your family, and what you can do.`,
    "I give general information about the law in England. The law in Wales is different in places, and I'll say when it is.",
    `To talk to an adviser, call the ${helplineLine} ${safety}`,
    'What would you like help with? Tap a topic below or type your question in your own words.',
  ];
}

export const MESSAGES = Object.freeze({
  menuPrompt: 'Here is what I can help with. Tap a topic, or type your question in your own words.',
  startOver: "OK, let's start again. Nothing you told me before will be used.",
  greeting: 'Hello. What would you like help with?',
  thanks: "You're welcome. Is there anything else I can help with?",
  goodbye: `Take care. You can come back at any time. The ${helplineLine} If things ever feel too much, ${EMERGENCY.samaritans}.`,
  fallback: [
    "Sorry, I didn't understand that. I may not know about it yet.",
    'You could try saying it another way, or pick a topic below.',
    `You can also talk it through with an adviser on the ${helplineLine}`,
  ],
  fallbackAgain: [
    "I'm sorry, I'm still not understanding. That's my fault, not yours.",
    `It may help to talk it through with an adviser. The ${helplineLine} ${HELPLINE.textphone}.`,
    'Or tap a topic below.',
  ],
  talkToPerson: [
    `To talk to an adviser, call the ${helplineLine}`,
    `${HELPLINE.textphone}.`,
    'If anyone is in danger right now, call 999.',
  ],
  carryOnAfterPerson: "When you're ready, we can carry on with the questions.",
  backToQuestions: 'Now, back to where we were:',
  distress: [
    "I'm sorry you're going through this. Feeling scared or overwhelmed is very normal when children's services are involved, and you've done the right thing by looking for help.",
    'When you\'re ready, tell me in a few words what is happening, for example "the social worker wants me to sign a section 20", or tap a topic below.',
    `If it all feels too much, ${EMERGENCY.samaritans}. To talk it through with an adviser, call ${HELPLINE.number} (${HELPLINE.hoursInWords}).`,
  ],
  distressInQuestions: `I'm sorry this is so hard. Take your time: there's no rush. If it all feels too much, ${EMERGENCY.samaritans}.`,
  openRequest: [
    "I'll do my best to help. What you can do, and what your rights are, depends on what is happening.",
    'Tell me in a few words, for example "they want me to sign a section 20" or "I have a child protection conference next week", or tap a topic below.',
  ],
  hoursOpen: `The advice line is open now: call ${HELPLINE.number}. ${HELPLINE.costNote}. It is open ${HELPLINE.hoursInWords}.`,
  hoursClosed: (when: string) =>
    `The advice line is closed right now. It opens again ${when}. It is open ${HELPLINE.hoursInWords}, on ${HELPLINE.number}. ${HELPLINE.costNote}.`,
  privacy: (hasQuickExit: boolean) => [
    "I'm a computer program. What you type is used to answer you, and kept with this chat so I can follow what you've said.",
    'Staff who improve this service see only anonymous figures, with names, phone numbers, addresses and reference numbers taken out. I don\'t pass what you write to children\'s services.',
    "An adviser sees what you've told me only if you say yes when you ask to talk to a person. Advisers keep what you tell them private, unless they think a child or someone else is at serious risk of harm.",
    hasQuickExit
      ? 'To clear this chat at any time, press Quick Exit (or Shift three times).'
      : 'This chat stays in your Teams history, so think about who else can open your Teams.',
  ],
  isItABot: "I'm a computer program, not a person or a lawyer. I give general information about children's services and family law. To talk to a person, tap \"Talk to a person\" or call the advice line.",
  wales:
    "Yes, I can help if you live in Wales. Most of the law about children's services is the same there, but some parts are different: for example, help for children in need and voluntary care come under the Social Services and Well-being (Wales) Act 2014. Where the law in Wales is different, my answers say so under \"In Wales\". What would you like help with?",
  alreadyOnThoseQuestions: "We're already going through those questions. Here is where we were:",
  emptyMessage: "I didn't get any words there. Please type your question, or pick a topic below.",
  tooLong: (max: number) =>
    `That message is longer than I can read (more than ${max} characters). Could you send it in shorter parts, or tell me the main question first? Nothing you sent has been lost from this chat.`,
  attachmentOnly:
    "I can't open files or pictures. Please don't send documents with personal details here. Type your question instead, or tell an adviser on the helpline.",
  attachmentWithText: "I can't open files or pictures, so I've only read your words.",
  somethingWentWrong: [
    'Sorry, something went wrong on our side.',
    "Your place in the conversation is saved. Please try sending your message again in a moment.",
    `If it keeps happening, call the ${helplineLine}`,
  ],
  conversationEnded: 'This chat has ended and has been cleared.',
  unsupportedActivity: "Sorry, I can only read typed messages here. Please type your question.",
  editedMessage: "I can't see changes to a message after it's sent. Please send the new version as a new message.",
  dialogUpdated: "I've been updated since we last spoke, so let's start that part again. Sorry about that.",
});
