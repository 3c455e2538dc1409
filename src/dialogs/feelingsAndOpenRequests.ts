import { normaliseShortMessage } from './conversationalIntent';

/**
 * A short message that only says how the person feels ("I'm so scared", "I can't cope") or only asks
 * for help in general ("please help me", "what are my rights?"), with nothing yet about what is
 * happening. Longer messages, or ones that name their situation, are left for routing.
 */
export type FeelingOrOpenRequest = 'distress' | 'openRequest';

const FEELING = String.raw`(so |really |very |absolutely |completely |totally |just )*(scared|frightened|terrified|worried|anxious|stressed|upset|lost|confused|overwhelmed|desperate|panicking|panicked|devastated|heartbroken|broken|in bits|in pieces|a mess|beside myself|at breaking point|falling apart)`;
const DISTRESS = new RegExp(
  String.raw`^((i'?m|im|i am|i feel|feeling|i'?m feeling|im feeling) ${FEELING}( and ${FEELING})*|i (can'?t|cant|can not|cannot) (cope|do this|take (it|this|any more|anymore))( any ?more)?|i'?m not coping|im not coping|i'?m (crying|in tears)|im (crying|in tears)|i (can'?t|cant) stop crying|my (world|life) is falling apart)( (i|and i) (don'?t|dont|do not) know what to do)?( (please )?help( me)?)?$`,
);
const OPEN_REQUEST =
  /^((please )?help me( please)?|please help|i need (some )?help|i need advice|i need (some )?advice|can (you|u) help( me)?|what (are|r) my rights|what rights do i have|what (can|should|do) i do|i (don'?t|dont|do not) know what to do|where do i (start|begin)|what happens now|i (don'?t|dont) (understand|get) (what'?s|what is) (happening|going on))$/;

export function detectFeelingOrOpenRequest(text: string): FeelingOrOpenRequest | undefined {
  const normalised = normaliseShortMessage(text);
  if (normalised === '' || normalised.length > 80) return undefined;
  if (DISTRESS.test(normalised)) return 'distress';
  if (OPEN_REQUEST.test(normalised)) return 'openRequest';
  return undefined;
}
