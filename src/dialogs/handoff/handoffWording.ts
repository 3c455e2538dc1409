/**
 * Everything the bot says about talking to a person, in one place for review. Plain English,
 * one idea per message. Numbers and hours come from FACTS.md §15 through HELPLINE and EMERGENCY.
 */
import { EMERGENCY, HELPLINE } from '../../handoff/helpline';

/** Markdown link that a phone opens in its dialler (Web Chat and Teams render it). */
export const HELPLINE_TEL_LINK = `[${HELPLINE.number}](${HELPLINE.telUri})`;

export const HANDOFF_BUTTONS = Object.freeze({
  share: 'Yes, share it',
  dontShare: "No, don't share",
  cancel: 'Cancel',
  requestCallback: 'Request a callback',
  noThanks: 'No thanks',
  stillHere: "I'm still here",
  helpful: 'Yes, it helped',
  notHelpful: "No, it didn't",
  leaveQueue: 'Leave the queue',
  endChat: 'End the chat',
});

export const HANDOFF_WORDS = Object.freeze({
  confidentiality:
    'Before you talk to an adviser: they keep what you tell them private. The only exception is if they think a child or someone else is at serious risk of harm. Then they may have to tell someone, to keep that person safe.',
  consent:
    "An adviser is free to chat. Can I show them what we've talked about so far? It saves you explaining again.",
  queued: (position: number, wait: string) =>
    `Thank you. You're number ${position} in the queue, and ${wait}. I'll tell you when an adviser joins. You can type here while you wait: the adviser will see it. To leave the queue, type "leave".`,
  positionUpdate: (position: number, wait: string) => `You're now number ${position} in the queue, and ${wait}.`,
  waitingNoted: "Thanks. The adviser will see this when they join.",
  adviserJoined: (name: string) => `${name}, an adviser, has joined the chat. Everything you type now goes to ${name}. To finish, type "end chat".`,
  adviserEnded: (name: string) => `${name} has ended the chat. Thank you for talking to us.`,
  userEnded: "You've ended the chat with the adviser.",
  leftQueue: "You've left the queue. You can ask to talk to a person again at any time.",
  stillThere: 'Are you still there? Send any message to keep your place in the queue.',
  keptPlace: "Thanks, you've kept your place in the queue.",
  releasedQuiet: `I've taken you out of the queue because I hadn't heard from you for a while. You can ask to talk to a person again at any time, or call ${HELPLINE_TEL_LINK}.`,
  releasedNoAdvisers: `Sorry, no adviser can chat now after all. You can call the advice line on ${HELPLINE_TEL_LINK}, or leave a callback request.`,
  wasItHelpful: 'Was talking to an adviser helpful?',
  feedbackThanks: 'Thank you for telling us. What would you like to do next?',
  alreadyWaiting: "You're already in the queue for an adviser.",
  crisisNoteForAdviser: (categories: string) => `The bot showed this person the urgent help numbers (${categories}).`,
  closed: (nextOpening: string) =>
    `The advice line is closed right now. It opens again ${nextOpening}. It's open ${HELPLINE.hoursInWords}.`,
  closedNoDate: `The advice line is closed right now. It's usually open ${HELPLINE.hoursInWords}.`,
  busy: 'All our advisers are busy right now, so I cannot connect you to a chat.',
  phoneLine: `You can call the advice line on ${HELPLINE_TEL_LINK}. ${HELPLINE.costNote}. ${HELPLINE.textphone}.`,
  phoneLineWhenOpen: `When it's open, call ${HELPLINE_TEL_LINK}. ${HELPLINE.costNote}. ${HELPLINE.textphone}.`,
  otherWays:
    "You can also ask a question on the charity's anonymous forums, or send it with the email enquiry form on the Family Rights Group website.",
  urgentAnyTime: `If anyone is in danger, call ${EMERGENCY.emergencyNumber}. Open 24 hours: ${EMERGENCY.domesticAbuseLine}; ${EMERGENCY.samaritans}; ${EMERGENCY.childline}.`,
  offerCallback: 'Would you like an adviser to contact you? I can take your details for a callback.',
  noCallback: 'OK. Is there anything else I can help with?',
});

export const CALLBACK_WORDS = Object.freeze({
  intro: "I'll ask a few short questions. Type \"cancel\" at any point to stop: nothing is kept until the end.",
  contact: 'What phone number or email address should the adviser use?',
  contactRetry: 'Sorry, I could not read that as a UK phone number or an email address. For example: 07700 900123 or name@example.com.',
  voicemail: 'If nobody answers, is it safe to leave a voicemail?',
  sayWhoWeAre: 'Can the adviser say they are from the Family Rights Group when they call?',
  emailSafe: 'Is it safe for us to email this address? (Could someone else read it?)',
  avoidTimes: 'Is there a time we should not call? For example "not after 2pm" or "not on Mondays". Or tap "No".',
  bestTime: 'When is the best time to contact you? The line is open 9:30am to 3pm on weekdays.',
  message: 'In a sentence or two, what would you like help with? Please do not include names or addresses. Or tap "Skip".',
  saved: (when: string) =>
    `Thank you. Your callback request has been sent. An adviser will try to contact you ${when}. We cannot promise an exact time.`,
  cancelled: "OK, I haven't kept any of those details.",
  noContactGiven: `That's OK, we can leave the callback for now. I haven't kept anything. You can call the advice line on ${HELPLINE_TEL_LINK} whenever you're ready. Is there anything else I can help with?`,
  unsafeEmail: `Then it's safer not to use email. You could call the advice line on ${HELPLINE_TEL_LINK} when it's safe, or give a phone number instead.`,
  yes: 'Yes',
  no: 'No',
  skip: 'Skip',
  notSure: 'Not sure',
  morning: 'Morning (9:30am to 12pm)',
  afternoon: 'Afternoon (12pm to 3pm)',
  anyTime: 'Any time the line is open',
});
