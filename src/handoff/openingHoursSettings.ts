import { DateTime } from 'luxon';

/** A time the line opens and the time it closes the same day, UK clock time, "HH:mm". */
export interface OpeningPeriod {
  readonly open: string;
  readonly close: string;
}

/** ISO weekday, as luxon numbers them: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Days the line is shut besides bank holidays, inclusive, as UK dates "YYYY-MM-DD". */
export interface Closure {
  readonly from: string;
  readonly to: string;
}

export interface OpeningHoursSettings {
  readonly weekly: Readonly<Record<Weekday, readonly OpeningPeriod[]>>;
  readonly closures: readonly Closure[];
}

export type OpeningHoursSettingsResult =
  | { readonly ok: true; readonly settings: OpeningHoursSettings }
  | { readonly ok: false; readonly problems: readonly string[] };

export const DEFAULT_HELPLINE_HOURS = 'Mon-Fri 09:30-15:00';

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const SHORT_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_NAMES: ReadonlyMap<string, Weekday> = new Map([
  ['mon', 1], ['monday', 1],
  ['tue', 2], ['tues', 2], ['tuesday', 2],
  ['wed', 3], ['wednesday', 3],
  ['thu', 4], ['thur', 4], ['thurs', 4], ['thursday', 4],
  ['fri', 5], ['friday', 5],
  ['sat', 6], ['saturday', 6],
  ['sun', 7], ['sunday', 7],
]);
// En dashes come in when hours are copied from a web page or a document.
const DASH = /\s*[-\u2013]\s*/;
const PERIOD = /^(\d{1,2}):(\d{2})\s*[-\u2013]\s*(\d{1,2}):(\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Mon-Fri 09:30-15:00 and no closures beyond bank holidays. */
export const DEFAULT_OPENING_HOURS: OpeningHoursSettings = Object.freeze({
  weekly: parseWeekly(DEFAULT_HELPLINE_HOURS, []),
  closures: Object.freeze([]),
});

/**
 * Reads HELPLINE_HOURS ("Mon-Fri 09:30-15:00", or groups like "Mon-Thu 09:30-15:00; Fri 09:30-13:00",
 * with several periods a day as "Mon 09:30-12:00, 13:00-15:00") and HELPLINE_CLOSURES
 * ("2026-12-24..2027-01-01, 2027-02-14"). Empty text means the default. Every problem is reported,
 * each naming the setting, what was found and the fix.
 */
export function parseOpeningHoursSettings(hoursText: string, closuresText: string): OpeningHoursSettingsResult {
  const problems: string[] = [];
  const weekly = parseWeekly(hoursText.trim() || DEFAULT_HELPLINE_HOURS, problems);
  const closures = parseClosures(closuresText.trim(), problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: Object.freeze({ weekly, closures }) };
}

function parseWeekly(text: string, problems: string[]): OpeningHoursSettings['weekly'] {
  const days = new Map<Weekday, OpeningPeriod[]>(WEEKDAYS.map((day) => [day, []]));
  const fix = `Write days then times, like "Mon-Thu 09:30-15:00; Fri 09:30-12:00, 13:00-15:00". Fix it in .env, or delete it to use ${DEFAULT_HELPLINE_HOURS}.`;

  for (const group of text.split(';').map((g) => g.trim()).filter(Boolean)) {
    // The days are everything before the first digit: "Mon-Fri 09:30-15:00" → "Mon-Fri".
    const [, daysText, periodsText] = /^(.*?)\s*(\d.*)?$/.exec(group) ?? [];
    const groupDays = weekdaysIn(daysText ?? '');
    if (!groupDays) {
      problems.push(`HELPLINE_HOURS must start each group with a day or days like "Mon-Fri" (found "${group}"). ${fix}`);
      continue;
    }
    if (!periodsText) {
      problems.push(`HELPLINE_HOURS needs opening times after the days (found "${group}"). ${fix}`);
      continue;
    }
    for (const periodText of periodsText.split(',').map((p) => p.trim())) {
      const period = parsePeriod(periodText);
      if (typeof period === 'string') problems.push(`HELPLINE_HOURS ${period} (found "${periodText}" in "${group}"). ${fix}`);
      else for (const day of groupDays) days.get(day)?.push(period);
    }
  }

  const weekly = {} as Record<Weekday, readonly OpeningPeriod[]>;
  for (const day of WEEKDAYS) {
    const periods = [...(days.get(day) ?? [])].sort((a, b) => a.open.localeCompare(b.open));
    // A day named twice ("Mon-Fri 09:30-15:00; Fri 09:30-13:00") would silently keep the longer
    // hours, so overlaps are refused. Periods that only touch (12:00-13:00, 13:00-15:00) are fine.
    periods.slice(1).forEach((period, i) => {
      const before = periods[i];
      if (period.open < before.close) {
        problems.push(
          `HELPLINE_HOURS gives ${SHORT_NAMES[day - 1]} two periods that overlap (${before.open}-${before.close} and ${period.open}-${period.close}). Name each day once, with its periods separated by commas. ${fix}`,
        );
      }
    });
    weekly[day] = Object.freeze(periods.map((p) => Object.freeze(p)));
  }
  return Object.freeze(weekly);
}

/** "Mon" → [1]; "Mon-Fri" → [1…5]; "Fri-Mon" wraps over the weekend → [5, 6, 7, 1]. */
function weekdaysIn(text: string): Weekday[] | undefined {
  const names = text.split(DASH);
  if (names.length > 2) return undefined;
  const [first, last = first] = names.map((name) => DAY_NAMES.get(name.toLowerCase()));
  if (first === undefined || last === undefined) return undefined;
  const days: Weekday[] = [first];
  for (let day = first; day !== last; ) {
    day = ((day % 7) + 1) as Weekday;
    days.push(day);
  }
  return days;
}

/** A period, or what is wrong with it as the middle of a sentence. */
function parsePeriod(text: string): OpeningPeriod | string {
  const match = PERIOD.exec(text);
  if (!match) return 'needs times as opening-closing on the 24-hour clock, like 09:30-15:00';
  const [open, close] = [clock(match[1], match[2]), clock(match[3], match[4])];
  if (!open || !close) return 'has a time that is not on the 24-hour clock (00:00 to 23:59)';
  if (close <= open) return 'has a closing time that is not after the opening time (periods cannot run past midnight)';
  return { open, close };
}

function clock(hours: string, minutes: string): string | undefined {
  if (Number(hours) > 23 || Number(minutes) > 59) return undefined;
  return `${hours.padStart(2, '0')}:${minutes}`;
}

function parseClosures(text: string, problems: string[]): readonly Closure[] {
  const closures: Closure[] = [];
  const fix = 'Write dates like 2026-12-24 or ranges like 2026-12-24..2027-01-01, separated by commas. Fix it in .env, or delete it to have no extra closures.';

  for (const item of text.split(',').map((i) => i.trim()).filter(Boolean)) {
    const [from, to = from, extra] = item.split('..').map((part) => part.trim());
    if (extra !== undefined || !isRealDate(from) || !isRealDate(to)) {
      problems.push(`HELPLINE_CLOSURES has something that is not a real date or date range (found "${item}"). ${fix}`);
    } else if (to < from) {
      problems.push(`HELPLINE_CLOSURES has a range that ends before it starts (found "${item}"). Put the earlier date first, like ${to}..${from}.`);
    } else {
      closures.push(Object.freeze({ from, to }));
    }
  }
  return Object.freeze(closures);
}

function isRealDate(text: string): boolean {
  return ISO_DATE.test(text) && DateTime.fromISO(text).isValid;
}
