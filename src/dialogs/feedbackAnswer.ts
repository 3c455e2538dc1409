import { Culture, recognizeBoolean } from '@microsoft/recognizers-text-suite';
import { HELPFUL_NO, HELPFUL_YES } from './answerReplies';

export type Feedback = 'helpful' | 'notHelpful';

const NOT_HELPFUL = /^(not really|not helpful|not at all|didn'?t help|did not help|it didn'?t|no use|not quite|kind of|sort of|a bit)\b/i;
/** Longer than this, "no" starts a new question ("no idea what section 20 is"), not an answer to "Was this helpful?". */
const MAX_FEEDBACK_WORDS = 4;

/** Reads a reply to "Was this helpful?": the buttons, or a short yes/no in everyday words ("yeah", "nope"). */
export function readFeedback(text: string): Feedback | undefined {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === HELPFUL_YES.toLowerCase()) return 'helpful';
  if (trimmed.toLowerCase() === HELPFUL_NO.toLowerCase()) return 'notHelpful';
  if (trimmed.split(/\s+/).length > MAX_FEEDBACK_WORDS) return undefined;
  if (NOT_HELPFUL.test(trimmed)) return 'notHelpful';
  const found = recognizeBoolean(trimmed, Culture.English)[0];
  if (!found) return undefined;
  return found.resolution.value === true ? 'helpful' : 'notHelpful';
}
