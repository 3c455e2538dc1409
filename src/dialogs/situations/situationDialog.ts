import { createHash } from 'node:crypto';
import { ActionTypes, Activity, CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  DialogInstance,
  DialogReason,
  DialogTurnResult,
  DialogTurnStatus,
  PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { KnowledgeIndex } from '../../knowledge/knowledgeIndex';
import { CrisisCategory } from '../../safety/crisisCategory';
import { AnalyticsEventData } from '../../analytics/analyticsEvent';
import { HELPLINE } from '../../handoff/helpline';
import { SOMETHING_ELSE } from '../answerReplies';
import { MESSAGES } from '../messages';
import { detectConversationalIntent } from '../conversationalIntent';
import { channelHasQuickExit } from '../channelFeatures';
import { AGE_UNKNOWN_TITLE, DATE_UNKNOWN_TITLE, NO_TITLE, parseAnswer, UNSURE_TITLE, YES_TITLE } from './answerParsing';
import { Answers, Question, SituationScript } from './situationScript';
import { formatDay, isIsoDay, ukDay } from './scriptDates';

export const GO_BACK = 'Go back';
export const TALK_TO_PERSON_TITLE = 'Talk to a person';

/** What a situation dialog needs from the rest of the bot. */
export interface SituationServices {
  readonly knowledge: KnowledgeIndex;
  readonly now: () => Date;
  /** A question was answered the dangerous way ("Are you safe right now?" → "no"): signpost at once. */
  readonly onDanger: (context: TurnContext, category: CrisisCategory) => Promise<void>;
  /** An answer was given (finished: the person reached the summary); kept so an adviser can see it later. */
  readonly onAnswers: (context: TurnContext, topic: string, answers: Answers, finished: boolean) => Promise<void>;
  /** Analytics: started, each question reached, completed, abandoned. */
  readonly track: (context: TurnContext, data: AnalyticsEventData) => void;
  /**
   * A reply that answers none of the current question's choices but is about something else
   * ("do I get to speak at the conference?"): answer it if possible, true when something was said.
   * The question is then asked again, without counting the reply as a miss.
   */
  readonly answerAside?: (context: TurnContext, text: string, topic: string) => Promise<boolean>;
}

/** How a situation dialog is started: from a message that described the situation, or after "back". */
export interface SituationOptions {
  readonly triggerText?: string;
  readonly answers?: Answers;
  readonly asked?: readonly string[];
}

interface StepValues {
  answers: Record<string, string>;
  /** Question ids in the order the person answered them, for "back". */
  asked: string[];
  pending?: string;
}

interface ParsedReply {
  readonly questionId: string;
  readonly text: string;
  readonly value: string | undefined;
}

const PROMPT_ID = 'situationAnswer';
/** This turn's reply as read for one question (turn state, so it never outlives the turn). */
const PARSED = Symbol('parsedReply');
const VERSION_KEY = 'scriptVersion';
const MISSES_BEFORE_MOVING_ON = 2;

/**
 * Runs one `SituationScript` as a waterfall: one step per question (skipped when already answered
 * or when `askIf` says so), then the tailored summary. "help" explains the current question,
 * "back" re-asks the previous one; start over, talk to a person and the safety check are handled
 * above it, in MainDialog and AdviceBot. All state lives in dialog state, so a restart resumes at
 * the same question.
 */
export class SituationDialog extends ComponentDialog {
  private readonly waterfallId: string;
  private readonly version: string;

  constructor(
    private readonly script: SituationScript,
    private readonly services: SituationServices,
  ) {
    super(script.topic);
    this.waterfallId = `${script.topic}-questions`;
    this.version = scriptVersion(script);
    const steps = [
      ...script.questions.map((question, index) => (step: WaterfallStepContext) => this.askStep(step, index)),
      (step: WaterfallStepContext) => this.summaryStep(step),
    ];
    this.addDialog(new WaterfallDialog(this.waterfallId, steps));
    this.addDialog(new TextPrompt(PROMPT_ID, (prompt) => this.validate(prompt)));
    this.initialDialogId = this.waterfallId;
  }

  override async beginDialog(outerDc: DialogContext, options?: SituationOptions): Promise<DialogTurnResult> {
    if (outerDc.activeDialog) outerDc.activeDialog.state[VERSION_KEY] = this.version;
    return super.beginDialog(outerDc, options);
  }

  /** A dialog saved before its script changed cannot resume safely: say so and start it again. */
  override async continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    if (outerDc.activeDialog && outerDc.activeDialog.state[VERSION_KEY] !== this.version) {
      await outerDc.context.sendActivity(UPDATED_MESSAGE);
      return outerDc.replaceDialog(this.id, {});
    }
    return super.continueDialog(outerDc);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const intent = detectConversationalIntent(innerDc.context.activity.text ?? '');
    const values = this.valuesOf(innerDc);
    if (intent === 'help' && values?.pending) {
      const question = this.question(values.pending);
      if (question) await innerDc.context.sendActivity(question.help);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (intent === 'back' && values) return this.goBack(innerDc, values);
    if (values?.pending && (await this.answeredAside(innerDc.context, values.pending))) {
      await innerDc.context.sendActivity(MESSAGES.backToQuestions);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return super.onContinueDialog(innerDc);
  }

  /** The reply is not an answer to the pending question, and the rest of the bot answered it instead. */
  private async answeredAside(context: TurnContext, questionId: string): Promise<boolean> {
    const question = this.question(questionId);
    const text = (context.activity.text ?? '').trim();
    if (!question || !this.services.answerAside || text === '' || text.toLowerCase() === GO_BACK.toLowerCase()) return false;
    if (this.parsed(context, question, text) !== undefined) return false;
    return this.services.answerAside(context, text, this.script.topic);
  }

  /** parseAnswer, once per turn: the aside check and the prompt's validator both need it. */
  private parsed(context: TurnContext, question: Question, text: string): string | undefined {
    const memo = context.turnState.get(PARSED) as ParsedReply | undefined;
    if (memo && memo.questionId === question.id && memo.text === text) return memo.value;
    const value = parseAnswer(question, text, ukDay(this.services.now()));
    context.turnState.set(PARSED, { questionId: question.id, text, value } satisfies ParsedReply);
    return value;
  }

  private async goBack(innerDc: DialogContext, values: StepValues): Promise<DialogTurnResult> {
    const previous = values.asked.at(-1);
    if (!previous) {
      await innerDc.context.sendActivity("This is the first question, so there's nothing to go back to.");
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    const answers = { ...values.answers };
    delete answers[previous];
    // Answers to questions that depended on the one being changed are asked again too.
    const asked = values.asked.slice(0, -1);
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(this.waterfallId, { answers: keepOnly(answers, asked), asked } satisfies SituationOptions);
  }

  private async askStep(step: WaterfallStepContext, index: number): Promise<DialogTurnResult> {
    const values = index === 0 ? await this.start(step) : (step.values as StepValues);
    if (index > 0) await this.record(step, values);
    const question = this.script.questions[index];
    if (values.answers[question.id] !== undefined || (question.askIf && !question.askIf(values.answers))) return step.next();
    values.pending = question.id;
    this.services.track(step.context, { type: 'dialogStep', dialog: this.script.topic, step: question.id, stepIndex: index });
    const buttons = [...answerButtons(question), ...(values.asked.length > 0 ? [GO_BACK] : [])];
    return step.prompt(PROMPT_ID, {
      prompt: MessageFactory.suggestedActions(buttons, question.prompt),
      retryPrompt: MessageFactory.suggestedActions(buttons, `Sorry, I didn't quite get that. ${question.example} Or tap a button.`),
      validations: { questionId: question.id },
    });
  }

  /** First step: take over answers from "back" or from the message that started the dialog. */
  private async start(step: WaterfallStepContext): Promise<StepValues> {
    const options = (step.options ?? {}) as SituationOptions;
    const values = step.values as StepValues;
    values.answers = { ...(options.answers ?? {}) };
    values.asked = [...(options.asked ?? [])];
    if (options.answers === undefined) {
      this.services.track(step.context, { type: 'dialogStarted', dialog: this.script.topic });
      await step.context.sendActivity(this.script.intro);
      const noted = this.prefill(values, options.triggerText ?? '');
      if (noted.length > 0) await step.context.sendActivity(`From what you said, I've noted: ${noted.join('; ')}. Say "back" if that's wrong.`);
      if (noted.length > 0) await this.services.onAnswers(step.context, this.script.topic, values.answers, false);
    }
    return values;
  }

  /**
   * "I've been invited to a child protection conference next Tuesday" already answers two questions.
   * Only the first question and dates are taken from the opening message: other words are too easily
   * misread out of context, and the person can always say "back".
   */
  private prefill(values: StepValues, text: string): string[] {
    if (text.trim() === '') return [];
    const noted: string[] = [];
    const today = ukDay(this.services.now());
    const first = this.script.questions[0];
    if (first.kind === 'choice') {
      const value = parseAnswer(first, text, today);
      const choice = first.choices.find((c) => c.value === value);
      if (choice) {
        values.answers[first.id] = choice.value;
        values.asked.push(first.id);
        noted.push(`"${choice.title}"`);
      }
    }
    const date = this.script.questions.find((q) => q.kind === 'date' && (!q.askIf || q.askIf(values.answers)) && values.answers[q.id] === undefined);
    if (date && values.asked.length > 0) {
      const value = parseAnswer(date, text, today);
      if (isIsoDay(value) && value >= today) {
        values.answers[date.id] = value;
        values.asked.push(date.id);
        noted.push(`the date ${formatDay(value, today)}`);
      }
    }
    return noted;
  }

  private async record(step: WaterfallStepContext, values: StepValues): Promise<void> {
    if (!values.pending || typeof step.result !== 'string') return;
    const question = this.question(values.pending);
    values.answers[values.pending] = step.result;
    values.asked.push(values.pending);
    values.pending = undefined;
    await this.services.onAnswers(step.context, this.script.topic, values.answers, false);
    if (question?.kind === 'yesNo' && question.safetyIf && question.safetyIf.value === step.result) {
      await this.services.onDanger(step.context, question.safetyIf.category);
    }
  }

  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as StepValues;
    await this.record(step, values);
    const summary = this.script.summarise(values.answers, ukDay(this.services.now()), {
      hasQuickExit: channelHasQuickExit(step.context.activity.channelId),
    });
    const titles = summary.entries
      .map((id) => this.services.knowledge.entry(id)?.title)
      .filter((title): title is string => Boolean(title));
    const activities: Partial<Activity>[] = [
      MessageFactory.text(`Thank you. Based on what you've told me, here is what I suggest:\n\n${summary.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`),
    ];
    if (titles.length > 0) {
      const actions = CardFactory.actions(titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title })));
      activities.push(MessageFactory.attachment(CardFactory.heroCard('', 'To read more, tap a question:', undefined, actions)));
    }
    activities.push(
      MessageFactory.suggestedActions(
        [TALK_TO_PERSON_TITLE, SOMETHING_ELSE],
        `An adviser can talk this through with you and help with your own situation: call ${HELPLINE.number}, ${HELPLINE.hoursInWords}. ${HELPLINE.costNote}. Would you like to talk to a person, or is there something else?`,
      ),
    );
    await step.context.sendActivities(activities);
    await this.services.onAnswers(step.context, this.script.topic, values.answers, true);
    this.services.track(step.context, { type: 'dialogCompleted', dialog: this.script.topic });
    return step.endDialog();
  }

  private async validate(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const questionId = (prompt.options.validations as { questionId?: string } | undefined)?.questionId;
    const question = questionId ? this.question(questionId) : undefined;
    if (!question) return false;
    const text = (prompt.recognized.value ?? '').trim();
    const value = text.toLowerCase() === GO_BACK.toLowerCase() ? undefined : this.parsed(prompt.context, question, text);
    if (value !== undefined) {
      prompt.recognized.value = value;
      return true;
    }
    if (prompt.attemptCount >= MISSES_BEFORE_MOVING_ON) {
      await prompt.context.sendActivity("That's OK, let's move on. You can tell an adviser more about it later.");
      prompt.recognized.value = 'unknown';
      return true;
    }
    return false;
  }

  private valuesOf(innerDc: DialogContext): StepValues | undefined {
    const waterfall = innerDc.stack.find((instance: DialogInstance) => instance.id === this.waterfallId);
    return waterfall?.state?.values as StepValues | undefined;
  }

  private question(id: string): Question | undefined {
    return this.script.questions.find((q) => q.id === id);
  }

  /** Back from "talk to a person": carry on, unless the person is now waiting for an adviser, who has the answers. */
  override async resumeDialog(outerDc: DialogContext, reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    if ((result as { joinedQueue?: boolean } | undefined)?.joinedQueue) {
      const pending = this.valuesOf(outerDc.child ?? outerDc)?.pending ?? null;
      this.services.track(outerDc.context, { type: 'dialogAbandoned', dialog: this.script.topic, step: pending });
      return outerDc.endDialog();
    }
    return super.resumeDialog(outerDc, reason, result);
  }

  override async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    // Cancelled from outside ("start over") before the summary: note the question it stopped at.
    if (reason === DialogReason.cancelCalled) {
      const stack = (instance.state as { dialogs?: { dialogStack?: DialogInstance[] } }).dialogs?.dialogStack ?? [];
      const waterfall = stack.find((d) => d.id === this.waterfallId);
      const pending = (waterfall?.state?.values as StepValues | undefined)?.pending ?? null;
      this.services.track(context, { type: 'dialogAbandoned', dialog: this.script.topic, step: pending });
    }
    await super.endDialog(context, instance, reason);
  }

}

const UPDATED_MESSAGE = "I've been updated since we last spoke, so let's start these questions again. Sorry about that.";

function answerButtons(question: Question): string[] {
  switch (question.kind) {
    case 'choice':
      return [...question.choices.map((c) => c.title), ...(question.allowUnsure ? [UNSURE_TITLE] : [])];
    case 'yesNo':
      return [YES_TITLE, NO_TITLE, UNSURE_TITLE];
    case 'date':
      return [DATE_UNKNOWN_TITLE];
    case 'age':
      return [AGE_UNKNOWN_TITLE];
  }
}

function keepOnly(answers: Record<string, string>, ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => ids.includes(id)));
}

/** Changes whenever questions are added, removed, renamed or reordered. */
function scriptVersion(script: SituationScript): string {
  const shape = script.questions.map((q) => `${q.id}:${q.kind}`).join('|');
  return createHash('sha256').update(shape).digest('hex').slice(0, 12);
}
