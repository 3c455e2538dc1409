import { DateTime } from 'luxon';
import { isBankHoliday as isEnglandAndWalesBankHoliday } from './bankHolidays';
import type { OpeningHoursSettings, OpeningPeriod, Weekday } from './openingHoursSettings';

/**
 * When the helpline is open. Hours are UK clock time, so everything is worked out in Europe/London:
 * 09:30 is 09:30Z in winter (GMT) but 08:30Z in summer (BST), and a server on UTC must not care.
 * A period includes its opening instant and excludes its closing one: open at 09:30:00, closed at 15:00:00.
 */
export interface OpeningHours {
  isOpen(at: Date): boolean;
  /** When the period it is open in ends; null while closed. */
  closesAt(at: Date): Date | null;
  /** The next instant it opens; null while open, or when it does not open in the next 400 days. */
  nextOpening(at: Date): Date | null;
}

export const UK_ZONE = 'Europe/London';
/** Far enough to step over a year of closures, near enough that a line that never opens is found quickly. */
const SEARCH_DAYS = 400;

interface Interval {
  readonly start: number;
  readonly end: number;
}

export function createOpeningHours(
  settings: OpeningHoursSettings,
  isBankHoliday: (isoDate: string) => boolean = isEnglandAndWalesBankHoliday,
): OpeningHours {
  const isClosedAllDay = (isoDate: string): boolean =>
    isBankHoliday(isoDate) || settings.closures.some((closure) => closure.from <= isoDate && isoDate <= closure.to);

  /** The day's opening periods as instants, earliest first, with touching periods joined. */
  const intervalsOn = (day: DateTime): Interval[] => {
    if (isClosedAllDay(day.toISODate() ?? '')) return [];
    const intervals: Interval[] = [];
    for (const period of settings.weekly[day.weekday as Weekday]) {
      const { start, end } = instantsOf(day, period);
      const last = intervals[intervals.length - 1];
      if (last && start <= last.end) intervals[intervals.length - 1] = { start: last.start, end: Math.max(last.end, end) };
      else intervals.push({ start, end });
    }
    return intervals;
  };

  const currentInterval = (at: Date): Interval | undefined => {
    const time = at.getTime();
    return intervalsOn(ukDay(at)).find(({ start, end }) => start <= time && time < end);
  };

  return {
    isOpen: (at) => currentInterval(at) !== undefined,

    closesAt: (at) => {
      const interval = currentInterval(at);
      return interval ? new Date(interval.end) : null;
    },

    nextOpening: (at) => {
      if (currentInterval(at)) return null;
      const time = at.getTime();
      let day = ukDay(at);
      for (let i = 0; i <= SEARCH_DAYS; i += 1, day = day.plus({ days: 1 })) {
        const next = intervalsOn(day).find(({ start }) => start > time);
        if (next) return new Date(next.start);
      }
      return null;
    },
  };
}

/** Midnight at the start of the UK calendar day that contains `at`. */
function ukDay(at: Date): DateTime {
  return DateTime.fromJSDate(at, { zone: UK_ZONE }).startOf('day');
}

function instantsOf(day: DateTime, period: OpeningPeriod): Interval {
  const at = (clock: string) => {
    const [hour, minute] = clock.split(':').map(Number);
    // Set on the UK calendar day, so luxon picks the offset in force that day (GMT or BST).
    return day.set({ hour, minute }).toMillis();
  };
  return { start: at(period.open), end: at(period.close) };
}
