import { MessageFactory, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { readFeedback } from '../dialogs/feedbackAnswer';
import { HANDOFF_BUTTONS, HANDOFF_WORDS } from '../dialogs/handoff/handoffWording';
import { HandoffDesk } from '../handoff/handoffDesk';
import { Handoff } from '../handoff/handoffTypes';
import { assessCrisis } from '../safety/crisisDetector';
import { SafetyGate } from './safetyGate';
import { Track } from './analyticsTracker';
import { MENU_TITLES } from '../dialogs/menuButtons';

const LEAVE = /^(leave|leave (the )?queue|end|end (the )?chat|end chat|stop|stop (the )?chat|cancel|quit|exit|bye|goodbye|finish|i'?m done|that'?s all|start (again|over))$/;

/**
 * While someone is queued for or talking to an adviser, their messages go to the adviser, not to
 * the bot's answers. Safety still comes first: danger shows the urgent numbers to the person and
 * tells the adviser they were shown.
 */
export class HandoffRelay {
  constructor(
    private readonly desk: HandoffDesk,
    private readonly safety: SafetyGate,
    /** The hand-off just ended, while "Was talking to an adviser helpful?" is open. */
    readonly feedbackFor: StatePropertyAccessor<string | undefined>,
    private readonly track: Track,
  ) {}

  /** True when the message belonged to a hand-off (queued or live) and has been dealt with. */
  async relayMessage(context: TurnContext, text: string): Promise<boolean> {
    const handoff = await this.desk.store.openFor(context.activity.conversation.id);
    if (!handoff) return false;
    // Only the length: what people say to an adviser is between them and the adviser.
    this.track(context, { type: 'messageReceived', text: '', length: text.length, duringHandoff: true });

    const crisis = assessCrisis(text);
    if (crisis.crisis) await this.safety.signpost(context, crisis.categories);

    if (LEAVE.test(text.trim().toLowerCase().replace(/[.!]+$/, ''))) {
      await this.leave(context, handoff);
      return true;
    }

    await this.desk.fromUser(handoff.id, text);
    if (crisis.crisis) await this.desk.note(handoff.id, HANDOFF_WORDS.crisisNoteForAdviser(crisis.categories.join(', ')));
    if (handoff.status === 'queued') {
      if (handoff.stillThereAskedAt !== null) await context.sendActivity(HANDOFF_WORDS.keptPlace);
      else if ((await this.desk.store.messages(handoff.id)).filter((m) => m.sender === 'user').length === 1) {
        await context.sendActivity(MessageFactory.suggestedActions([HANDOFF_BUTTONS.leaveQueue], HANDOFF_WORDS.waitingNoted));
      }
    }
    return true;
  }

  /** The person is typing to their adviser. */
  async relayTyping(context: TurnContext): Promise<void> {
    const handoff = await this.desk.store.openFor(context.activity.conversation.id);
    if (handoff?.status === 'connected') this.desk.typing(handoff.id, 'user');
    else if (handoff) await this.desk.userActive(handoff.id);
  }

  /** Quick Exit ends any hand-off at once; the adviser sees why. */
  async endForQuickExit(context: TurnContext): Promise<void> {
    const handoff = await this.desk.store.openFor(context.activity.conversation.id);
    if (handoff) await this.desk.end(handoff.id, 'quickExit');
  }

  /** A reply to "Was talking to an adviser helpful?"; true when it was one. */
  async recordFeedback(context: TurnContext, text: string): Promise<boolean> {
    const handoffId = await this.feedbackFor.get(context);
    if (!handoffId) return false;
    await this.feedbackFor.set(context, undefined);
    const lower = text.trim().toLowerCase();
    const feedback =
      lower === HANDOFF_BUTTONS.helpful.toLowerCase() ? 'helpful' : lower === HANDOFF_BUTTONS.notHelpful.toLowerCase() ? 'notHelpful' : readFeedback(text);
    if (!feedback) return false;
    await this.desk.store.setFeedback(handoffId, feedback);
    this.track(context, { type: 'feedback', about: 'handoff', helpful: feedback === 'helpful', entryId: null });
    await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, HANDOFF_WORDS.feedbackThanks));
    return true;
  }

  private async leave(context: TurnContext, handoff: Handoff): Promise<void> {
    await this.desk.end(handoff.id, 'user');
    if (handoff.status === 'queued') {
      await context.sendActivity(MessageFactory.suggestedActions(MENU_TITLES, HANDOFF_WORDS.leftQueue));
      return;
    }
    await this.feedbackFor.set(context, handoff.id);
    await context.sendActivities([
      MessageFactory.text(HANDOFF_WORDS.userEnded),
      MessageFactory.suggestedActions([HANDOFF_BUTTONS.helpful, HANDOFF_BUTTONS.notHelpful], HANDOFF_WORDS.wasItHelpful),
    ]);
  }
}
