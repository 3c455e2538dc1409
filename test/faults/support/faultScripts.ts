/** What the fault tests' simulated people say: a guided conversation walked and started again, and a run of misunderstandings. */
export const SCRIPTS = {
  guided: ['Section 20 (voluntary care)', 'Already in section 20 care', 'Yes, but not yet', 'Not sure', 'start over'],
  misunderstood: ['qwerty asdf', 'zxcv uiop', 'start over'],
} as const;
export type ScriptName = keyof typeof SCRIPTS;

/** Lines in a bot process's output that mean it hit something nobody caught. */
export const CRASH_SIGNS = /unhandledRejection|uncaughtException|UnhandledPromiseRejection|triggerUncaughtException|Node\.js v\d+\.\d+|FATAL ERROR/;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
