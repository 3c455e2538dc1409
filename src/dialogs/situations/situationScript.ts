import { TopicId } from '../../knowledge/taxonomy';

/**
 * A guided conversation as plain data: the questions, and how the answers turn into tailored next
 * steps. `SituationDialog` runs a script as a botbuilder waterfall; tests and `npm run ask` can read
 * a script without botbuilder.
 *
 * Answer values, as stored and as passed to `askIf` and `summarise`:
 * - choice: one of the choice `value`s, or `unsure` (when `allowUnsure`), or `unknown`
 * - yesNo: `yes`, `no`, `unsure` or `unknown`
 * - date: an ISO day `YYYY-MM-DD`, or `unknown`
 * - age: whole months as a string (`"18"`, `"60"`), or `unknown`
 * `unknown` means the person could not be understood twice and the dialog moved on.
 * A question that was skipped (its `askIf` said no) has no value at all.
 */
export type Answers = Readonly<Record<string, string>>;

interface QuestionBase {
  /** Stable id (kebab-case); stored in state, so renaming one restarts dialogs in progress. */
  readonly id: string;
  /** One short question, plain English. */
  readonly prompt: string;
  /** Why we ask and how to answer, shown when the person types "help" at this question. */
  readonly help: string;
  /** An example answer, shown in the clearer re-prompt after a reply is not understood. */
  readonly example: string;
  /** Ask only when this says so, given the answers so far. */
  readonly askIf?: (answers: Answers) => boolean;
}

export interface ChoiceOption {
  readonly value: string;
  /** Button text (short: it must fit on a phone). */
  readonly title: string;
  /** Other words people type for this option. */
  readonly synonyms?: readonly string[];
}

export interface ChoiceQuestion extends QuestionBase {
  readonly kind: 'choice';
  readonly choices: readonly ChoiceOption[];
  /** Adds a "Not sure" button; "don't know" and the like become `unsure`. */
  readonly allowUnsure?: boolean;
}

export interface YesNoQuestion extends QuestionBase {
  readonly kind: 'yesNo';
  /** When the answer is this value, the urgent-help signposts for the category are shown at once. */
  readonly safetyIf?: { readonly value: 'yes' | 'no'; readonly category: 'violence-now' | 'child-at-risk-now' };
}

export interface DateQuestion extends QuestionBase {
  readonly kind: 'date';
}

export interface AgeQuestion extends QuestionBase {
  readonly kind: 'age';
}

export type Question = ChoiceQuestion | YesNoQuestion | DateQuestion | AgeQuestion;

/** The end of the conversation: next steps that fit what the person said. */
export interface Summary {
  /** Short, specific steps in the order to do them, "you" form, one sentence or two each. */
  readonly steps: readonly string[];
  /** Knowledge-base entry ids to offer as "read more" buttons (2 to 4), most relevant first. */
  readonly entries: readonly string[];
}

export interface SituationScript {
  /** The dialog's id and topic (a dialog topic from TAXONOMY.md). */
  readonly topic: TopicId;
  /** What the person's situation is called on buttons and in "Guide me" offers. */
  readonly title: string;
  /** First message: what this is and how many questions, and that they can say "help", "back" or "start over". */
  readonly intro: string;
  readonly questions: readonly Question[];
  /** Builds the closing next steps. `today` is an ISO day (`YYYY-MM-DD`) in UK time; `where` says what the channel offers. */
  readonly summarise: (answers: Answers, today: string, where: SummaryChannel) => Summary;
}

/** What the summary may mention about where the person is chatting. */
export interface SummaryChannel {
  /** The web page has a Quick Exit button; Teams has no page to leave, so its wording must not mention one. */
  readonly hasQuickExit: boolean;
}
