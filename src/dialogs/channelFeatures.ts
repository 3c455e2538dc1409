/**
 * Teams runs inside an app with no web page to leave, so Quick Exit wording only appears on
 * the web widget (Direct Line) and in the Emulator, where developers see what the web page sees.
 */
const CHANNELS_WITH_QUICK_EXIT = new Set(['directline', 'webchat', 'emulator', 'test']);

export function channelHasQuickExit(channelId: string | undefined): boolean {
  return CHANNELS_WITH_QUICK_EXIT.has(channelId ?? '');
}
