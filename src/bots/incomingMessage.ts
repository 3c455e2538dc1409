import { Activity } from 'botbuilder';

/** What the bot can do with a message before any routing: read it, or explain kindly why not. */
export type IncomingMessage =
  | { readonly kind: 'text'; readonly text: string; readonly hadAttachments: boolean }
  | { readonly kind: 'empty' }
  | { readonly kind: 'attachmentsOnly' }
  | { readonly kind: 'tooLong'; readonly length: number };

/**
 * Suggested-action taps and typed text arrive the same way. Files are never read: people send
 * photos of letters full of names and case numbers, and the bot must not keep them.
 */
export function inspectIncomingMessage(activity: Partial<Activity>, maxLength: number): IncomingMessage {
  const text = typeof activity.text === 'string' ? activity.text.trim() : '';
  const hadAttachments = Array.isArray(activity.attachments) && activity.attachments.length > 0;
  if (text.length > maxLength) return { kind: 'tooLong', length: text.length };
  if (text === '') return hadAttachments ? { kind: 'attachmentsOnly' } : { kind: 'empty' };
  return { kind: 'text', text, hadAttachments };
}
