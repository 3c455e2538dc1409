import { MessageFactory } from 'botbuilder';
import {
  ComponentDialog,
  DialogTurnResult,
  PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { ContactDetail, readContactDetail } from '../../handoff/contactDetails';
import { describeNextOpening } from '../../handoff/describeOpening';
import { parseAnswer } from '../situations/answerParsing';
import { YesNoQuestion } from '../situations/situationScript';
import { HandoffServices } from './handoffServices';
import { CALLBACK_WORDS as W, HANDOFF_WORDS } from './handoffWording';

export const CALLBACK_DIALOG_ID = 'callbackRequest';
const WATERFALL_ID = 'callbackRequestSteps';
const CONTACT_PROMPT = 'callbackContact';
const YES_NO_PROMPT = 'callbackYesNo';
const FREE_TEXT_PROMPT = 'callbackFreeText';
const BEST_TIME_PROMPT = 'callbackBestTime';
const MAX_MESSAGE = 500;

export interface CallbackOptions {
  readonly topic?: string | null;
}

interface CallbackValues {
  contact?: ContactDetail;
  voicemailOk: boolean | null;
  sayOrganisationOk: boolean | null;
  avoidTimes: string | null;
  bestTime?: string;
}

/** Only for reading yes/no replies with the same rules as the guided conversations. */
const YES_NO: YesNoQuestion = { id: 'callback-yes-no', kind: 'yesNo', prompt: '', help: '', example: '' };
const BEST_TIMES = [W.morning, W.afternoon, W.anyTime];

/**
 * A callback request, asked the way domestic-abuse services ask: how to reach the person, whether
 * a voicemail or the charity's name could put them at risk, when not to call. Nothing is stored
 * until the last answer, so "cancel" part-way keeps nothing.
 */
export class CallbackDialog extends ComponentDialog {
  constructor(private readonly services: HandoffServices) {
    super(CALLBACK_DIALOG_ID);
    this.addDialog(
      new WaterfallDialog(WATERFALL_ID, [
        this.askContactStep.bind(this),
        this.askVoicemailStep.bind(this),
        this.askSayWhoWeAreStep.bind(this),
        this.askAvoidTimesStep.bind(this),
        this.askBestTimeStep.bind(this),
        this.askMessageStep.bind(this),
        this.saveStep.bind(this),
      ]),
    );
    this.addDialog(new TextPrompt(CONTACT_PROMPT, async (prompt) => readContact(prompt)));
    this.addDialog(new TextPrompt(YES_NO_PROMPT, async (prompt) => readYesNo(prompt)));
    this.addDialog(new TextPrompt(FREE_TEXT_PROMPT, async (prompt) => (prompt.recognized.value ?? '').trim() !== ''));
    this.addDialog(new TextPrompt(BEST_TIME_PROMPT, async (prompt) => readBestTime(prompt)));
    this.initialDialogId = WATERFALL_ID;
  }

  private async askContactStep(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
    const values = step.values as CallbackValues;
    values.voicemailOk = null;
    values.sayOrganisationOk = null;
    values.avoidTimes = null;
    // Reached from "Request a callback" buttons too, not only through "talk to a person".
    if (!(await this.services.confidentialityShown(step.context))) {
      await step.context.sendActivity(HANDOFF_WORDS.confidentiality);
      await this.services.markConfidentialityShown(step.context);
    }
    await step.context.sendActivity(W.intro);
    return step.prompt(CONTACT_PROMPT, { prompt: W.contact, retryPrompt: W.contactRetry });
  }

  private async askVoicemailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as CallbackValues;
    if (step.result === NO_CONTACT) {
      await step.context.sendActivity(W.noContactGiven);
      return step.endDialog({ saved: false });
    }
    values.contact = JSON.parse(step.result as string) as ContactDetail;
    const question = values.contact.kind === 'phone' ? W.voicemail : W.emailSafe;
    return step.prompt(YES_NO_PROMPT, yesNoPrompt(question));
  }

  private async askSayWhoWeAreStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as CallbackValues;
    const answer = toFlag(step.result as string);
    if (values.contact?.kind === 'email') {
      if (answer === false) {
        await step.context.sendActivity(W.unsafeEmail);
        return step.replaceDialog(WATERFALL_ID, step.options);
      }
      return step.prompt(YES_NO_PROMPT, yesNoPrompt(W.sayWhoWeAre.replace('call', 'write')));
    }
    values.voicemailOk = answer;
    return step.prompt(YES_NO_PROMPT, yesNoPrompt(W.sayWhoWeAre));
  }

  private async askAvoidTimesStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as CallbackValues;
    values.sayOrganisationOk = toFlag(step.result as string);
    if (values.contact?.kind === 'email') return step.next('');
    return step.prompt(FREE_TEXT_PROMPT, {
      prompt: MessageFactory.suggestedActions([W.no], W.avoidTimes),
      retryPrompt: MessageFactory.suggestedActions([W.no], W.avoidTimes),
    });
  }

  private async askBestTimeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as CallbackValues;
    const reply = String(step.result ?? '').trim();
    values.avoidTimes = reply === '' || parseAnswer(YES_NO, reply, '') === 'no' ? null : reply.slice(0, 200);
    return step.prompt(BEST_TIME_PROMPT, {
      prompt: MessageFactory.suggestedActions(BEST_TIMES, W.bestTime),
      retryPrompt: MessageFactory.suggestedActions(BEST_TIMES, `Please tap one of these. ${W.bestTime}`),
    });
  }

  private async askMessageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as CallbackValues).bestTime = step.result as string;
    return step.prompt(FREE_TEXT_PROMPT, {
      prompt: MessageFactory.suggestedActions([W.skip], W.message),
      retryPrompt: MessageFactory.suggestedActions([W.skip], W.message),
    });
  }

  private async saveStep(step: WaterfallStepContext<CallbackOptions>): Promise<DialogTurnResult> {
    const values = step.values as CallbackValues;
    const reply = String(step.result ?? '').trim();
    const message = reply.toLowerCase() === W.skip.toLowerCase() ? null : reply.slice(0, MAX_MESSAGE);
    const contact = values.contact as ContactDetail;
    await this.services.callbacks.add(
      {
        phone: contact.kind === 'phone' ? contact.value : null,
        email: contact.kind === 'email' ? contact.value : null,
        bestTime: values.bestTime ?? W.anyTime,
        message,
        voicemailOk: values.voicemailOk,
        sayOrganisationOk: values.sayOrganisationOk,
        avoidTimes: values.avoidTimes,
        topic: step.options?.topic ?? null,
      },
      this.services.now(),
    );
    this.services.track(step.context, { type: 'callbackRequested', topic: step.options?.topic ?? null });
    const now = this.services.now();
    const opening = this.services.nextOpening(now);
    const when = opening ? `when the line opens ${describeNextOpening(opening, now)}` : 'while the line is open';
    await step.context.sendActivity(W.saved(when));
    return step.endDialog({ saved: true });
  }
}

function yesNoPrompt(question: string) {
  const buttons = [W.yes, W.no, W.notSure];
  return {
    prompt: MessageFactory.suggestedActions(buttons, question),
    retryPrompt: MessageFactory.suggestedActions(buttons, `Sorry, I didn't get that. Please tap Yes, No or Not sure. ${question}`),
  };
}

function toFlag(answer: string): boolean | null {
  return answer === 'yes' ? true : answer === 'no' ? false : null;
}

/** What the contact prompt gives the waterfall when the person is not giving a number or an address. */
const NO_CONTACT = '';

/**
 * A person who twice writes something with no digit and no "@" is not trying to give a contact
 * detail (they may be telling us what happened): the form lets them go instead of asking forever.
 * Someone who is trying, and mistyping, gets three goes.
 */
async function readContact(prompt: PromptValidatorContext<string>): Promise<boolean> {
  const reply = prompt.recognized.value ?? '';
  const found = readContactDetail(reply);
  if (!found) {
    if (prompt.attemptCount >= 3 || (prompt.attemptCount >= 2 && !/[0-9@]/.test(reply))) {
      prompt.recognized.value = NO_CONTACT;
      return true;
    }
    return false;
  }
  // The waterfall gets the parsed detail, never a second parse of the raw text.
  prompt.recognized.value = JSON.stringify(found);
  return true;
}

async function readYesNo(prompt: PromptValidatorContext<string>): Promise<boolean> {
  const value = parseAnswer(YES_NO, prompt.recognized.value ?? '', '');
  if (value !== undefined) {
    prompt.recognized.value = value;
    return true;
  }
  if (prompt.attemptCount >= 2) {
    prompt.recognized.value = 'unsure';
    return true;
  }
  return false;
}

async function readBestTime(prompt: PromptValidatorContext<string>): Promise<boolean> {
  const reply = (prompt.recognized.value ?? '').trim().toLowerCase();
  const chosen =
    BEST_TIMES.find((t) => t.toLowerCase() === reply) ??
    (/morning|\bam\b/.test(reply) ? W.morning : /afternoon|\bpm\b|after ?lunch/.test(reply) ? W.afternoon : /any|whenever|don'?t mind|either/.test(reply) ? W.anyTime : undefined);
  if (chosen) {
    prompt.recognized.value = chosen;
    return true;
  }
  if (prompt.attemptCount >= 2) {
    prompt.recognized.value = W.anyTime;
    return true;
  }
  return false;
}
