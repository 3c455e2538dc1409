import { Activity, EventFactory, MessageFactory, TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { describeNextOpening } from '../../handoff/describeOpening';
import { TranscriptLine } from '../../handoff/handoffTypes';
import { describeWait } from '../../handoff/waitEstimate';
import { CALLBACK_DIALOG_ID, CallbackDialog, CallbackOptions } from './callbackDialog';
import { HandoffServices } from './handoffServices';
import { HANDOFF_BUTTONS as B, HANDOFF_WORDS as W } from './handoffWording';

export const TALK_TO_PERSON_DIALOG_ID = 'talkToPerson';
const WATERFALL_ID = 'talkToPersonSteps';
const CONSENT_PROMPT = 'talkToPersonConsent';
const CALLBACK_OFFER_PROMPT = 'talkToPersonCallbackOffer';

type Path = 'live' | 'callbackOffer';

/** What the dialog ends with: a guided conversation underneath ends too when the person joined the queue. */
export interface TalkToPersonResult {
  readonly joinedQueue?: boolean;
}

/**
 * "Talk to a person": the confidentiality statement (once per conversation), then whichever of
 * three things is true right now. Open with an adviser free: consent to share, then the queue.
 * Open but nobody free, or the queue full: the phone line and a callback. Closed: when it opens
 * next, and a callback. Availability is checked before anything is offered, and again when the
 * person joins the queue.
 */
export class TalkToPersonDialog extends ComponentDialog {
  constructor(private readonly services: HandoffServices) {
    super(TALK_TO_PERSON_DIALOG_ID);
    this.addDialog(new WaterfallDialog(WATERFALL_ID, [this.offerStep.bind(this), this.actOnReplyStep.bind(this), this.afterCallbackStep.bind(this)]));
    this.addDialog(new TextPrompt(CONSENT_PROMPT, async (prompt) => readChoice(prompt, CONSENT_CHOICES)));
    // Asked twice and still no answer to the offer: taken as "no thanks", so nobody is stuck at it.
    this.addDialog(new TextPrompt(CALLBACK_OFFER_PROMPT, async (prompt) => readChoice(prompt, CALLBACK_CHOICES, B.noThanks)));
    this.addDialog(new CallbackDialog(services));
    this.initialDialogId = WATERFALL_ID;
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const open = await this.services.desk.store.openFor(conversationIdOf(context));
    if (open) {
      await context.sendActivity(W.alreadyWaiting);
      return step.endDialog();
    }
    if (!(await this.services.confidentialityShown(context))) {
      await context.sendActivity(W.confidentiality);
      await this.services.markConfidentialityShown(context);
    }
    const availability = await this.services.desk.availability();
    if (!availability.live) {
      this.services.track(context, {
        type: 'handoffRequested',
        open: availability.reason !== 'closed',
        advisersAvailable: false,
        result: availability.reason === 'closed' ? 'closed' : 'busy',
      });
    }
    if (availability.live) {
      (step.values as { path: Path }).path = 'live';
      const buttons = [B.share, B.dontShare, B.cancel];
      return step.prompt(CONSENT_PROMPT, {
        prompt: MessageFactory.suggestedActions(buttons, W.consent),
        retryPrompt: MessageFactory.suggestedActions(buttons, `Please tap one of the buttons. ${W.consent}`),
      });
    }
    (step.values as { path: Path }).path = 'callbackOffer';
    if (availability.reason === 'closed') await context.sendActivities([MessageFactory.text(this.closedMessage()), MessageFactory.text(W.phoneLineWhenOpen)]);
    else await context.sendActivities([MessageFactory.text(W.busy), MessageFactory.text(W.phoneLine)]);
    return this.offerCallback(step);
  }

  private async actOnReplyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const path = (step.values as { path: Path }).path;
    const reply = step.result as string;
    if (path === 'callbackOffer') {
      if (reply === B.requestCallback) return step.beginDialog(CALLBACK_DIALOG_ID, await this.callbackOptions(step.context));
      await step.context.sendActivity(W.noCallback);
      return step.endDialog();
    }
    if (reply === B.cancel) {
      await step.context.sendActivity(W.noCallback);
      return step.endDialog();
    }
    // Someone may have taken the last place, or the last adviser left, while the person read.
    if (!(await this.services.desk.availability()).live) {
      (step.values as { path: Path }).path = 'callbackOffer';
      await step.context.sendActivities([MessageFactory.text(W.busy), MessageFactory.text(W.phoneLine)]);
      return this.offerCallback(step);
    }
    await this.joinQueue(step.context, reply === B.share);
    return step.endDialog({ joinedQueue: true } satisfies TalkToPersonResult);
  }

  private async afterCallbackStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  private async offerCallback(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivities([MessageFactory.text(W.otherWays), MessageFactory.text(W.urgentAnyTime)]);
    const buttons = [B.requestCallback, B.noThanks];
    return step.prompt(CALLBACK_OFFER_PROMPT, {
      prompt: MessageFactory.suggestedActions(buttons, W.offerCallback),
      retryPrompt: MessageFactory.suggestedActions(buttons, `Please tap one of the buttons. ${W.offerCallback}`),
    });
  }

  private closedMessage(): string {
    const now = this.services.now();
    const opening = this.services.nextOpening(now);
    return opening ? W.closed(describeNextOpening(opening, now)) : W.closedNoDate;
  }

  private async joinQueue(context: TurnContext, share: boolean): Promise<void> {
    const about = await this.services.describeConversation(context);
    const handoff = await this.services.desk.request({
      conversationId: conversationIdOf(context),
      conversationRef: TurnContext.getConversationReference(context.activity),
      topic: about.topic,
      learned: share ? about.learned : [],
      transcript: share ? about.transcript : null,
    });
    this.services.track(context, { type: 'handoffRequested', open: true, advisersAvailable: true, result: 'queued' });
    const place = await this.services.desk.placeOf(handoff.id);
    await context.sendActivity(
      MessageFactory.suggestedActions([B.leaveQueue], W.queued(place?.position ?? 1, describeWait(place?.waitMinutes ?? 0))),
    );
    if (this.services.sendHandoffEvent) {
      const transcript = share ? { activities: about.transcript.map(toTranscriptActivity) } : undefined;
      await context.sendActivity(EventFactory.createHandoffInitiation(context, { handoffId: handoff.id, topic: about.topic, learned: share ? about.learned : [] }, transcript as never));
    }
  }

  private async callbackOptions(context: TurnContext): Promise<CallbackOptions> {
    return { topic: (await this.services.describeConversation(context)).topic };
  }
}

const CONSENT_CHOICES: ReadonlyArray<readonly [string, RegExp]> = [
  [B.share, /^(yes|yeah|yep|ok|okay|sure|share|fine|go ahead)\b/],
  [B.dontShare, /^(no|nope|don'?t|do not|rather not|no thanks)\b/],
  [B.cancel, /^(cancel|stop|never ?mind|not now)\b/],
];

const CALLBACK_CHOICES: ReadonlyArray<readonly [string, RegExp]> = [
  [B.requestCallback, /^(yes|yeah|yep|please|ok|okay|sure|callback|call ?back|call me)\b/],
  [B.noThanks, /^(no|nope|not now|never ?mind|cancel)\b/],
];

async function readChoice(prompt: PromptValidatorContext<string>, choices: ReadonlyArray<readonly [string, RegExp]>, afterSecondMiss?: string): Promise<boolean> {
  const reply = (prompt.recognized.value ?? '').trim().toLowerCase().replace(/[’‘]/g, "'");
  const match = choices.find(([title, words]) => reply === title.toLowerCase() || words.test(reply))?.[0] ?? (prompt.attemptCount >= 2 ? afterSecondMiss : undefined);
  if (match === undefined) return false;
  prompt.recognized.value = match;
  return true;
}

function conversationIdOf(context: TurnContext): string {
  return context.activity.conversation?.id ?? '';
}

function toTranscriptActivity(line: TranscriptLine): Partial<Activity> {
  return { type: 'message', text: line.text, timestamp: new Date(line.at), from: { id: line.from, name: line.from, role: line.from === 'bot' ? 'bot' : 'user' } };
}
