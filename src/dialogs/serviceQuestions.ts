import { normaliseShortMessage } from './conversationalIntent';

/** Questions about this chat service itself, rather than about children's services. */
export type ServiceQuestion = 'openingHours' | 'privacy' | 'isItABot' | 'wales';

const PATTERNS: ReadonlyArray<readonly [ServiceQuestion, RegExp]> = [
  [
    'openingHours',
    /^((what time|when) (are|is|do) (you|u|the (advice )?line|the helpline|it|your (advice )?line|the phone line) (open|opening|start|close|closing)( today| tomorrow| on \w+)?|(what are )?(your |the )?(opening|office) (hours|times)|what (are|r) (your|the) hours|are (you|u|the (advice )?line|the helpline) open( today| tomorrow| now| on \w+)?|is (the (advice )?line|the helpline|the phone line) open( today| tomorrow| now| on \w+)?|when can i (call|ring|phone)( you| the (advice )?line| the helpline)?)$/,
  ],
  [
    'privacy',
    /^(is (this|it|the chat|this chat) (confidential|private|anonymous|secure|safe to use)|are (you|u|these chats|chats|my messages) (confidential|private|recorded|saved|anonymous)|who (can|will|gets to) (see|read) (this|what i (write|type|say|put))|(do|will) (you|u) (keep|store|save|record|share) (this|what i (write|type|say)|my (messages|details|chat)|it)|will (social services|the social|my social worker|the sw|the council|anyone) (see|know|find out|read) (this|what i (write|type|say))|can (social services|the social|my social worker|the sw|the council) see (this|what i (write|type|say)))$/,
  ],
  [
    'isItABot',
    /^((are|r) (you|u) (a )?(real( person)?|human|a person|a bot|a robot|a computer|ai|an ai|automated|a machine)|am i (talking|chatting|speaking) (to|with) (a )?(real person|human|person|bot|robot|computer|machine|ai)|is (this|it) (a )?(bot|robot|real person|computer|ai|automated|a real person))$/,
  ],
  [
    'wales',
    /^(((we|i) (live|are|am|m|re) (in )?|(i'?m|im|we'?re|were) (in|from) |(we|i) (live|are) in )wales( (so|and|but))?( (does (it|that|this) (matter|apply|make a difference)|is (it|that|the law) (different|ok|the same)|can (you|u) (still )?help( me| us)?|do (you|u) cover wales))?|(does|do) (this|it|the law|your advice|you|u) (apply|cover|work)( in| for)? wales|is (it|the law|this) (different|the same) in wales|what about wales|what if (i|we) live in wales)$/,
  ],
];

/** Which question about the service a short message asks, if any. */
export function detectServiceQuestion(text: string): ServiceQuestion | undefined {
  const normalised = normaliseShortMessage(text);
  if (normalised === '' || normalised.length > 80) return undefined;
  return PATTERNS.find(([, pattern]) => pattern.test(normalised))?.[0];
}
