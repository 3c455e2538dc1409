/** Day arithmetic for scripts, on ISO days (`YYYY-MM-DD`) so no time zone can shift a date. */

const DAY_MS = 24 * 60 * 60 * 1000;

function utcDay(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

export function isIsoDay(value: string | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** "Tuesday 1 December" (with the year only when it is not this year). */
export function formatDay(iso: string, today: string): string {
  const date = new Date(utcDay(iso));
  const sameYear = iso.slice(0, 4) === today.slice(0, 4);
  return date.toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).replace(',', '');
}

/** "today", "tomorrow", "in 5 days", "3 days ago". */
export function describeDistance(iso: string, today: string): string {
  const days = daysBetween(today, iso);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** Age in whole years from an `age` answer in months, or undefined when not known. */
export function ageInYears(months: string | undefined): number | undefined {
  if (months === undefined || !/^\d+$/.test(months)) return undefined;
  return Math.floor(Number(months) / 12);
}

const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the UK at an instant, as `YYYY-MM-DD` (just after midnight in summer is already tomorrow). */
export function ukDay(at: Date): string {
  return UK_DAY.format(at);
}
