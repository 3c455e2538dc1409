import type { OpeningHoursSettings, Weekday } from './openingHoursSettings';

/**
 * Whether the weekly pattern has the line open at any time during an hour of a weekday (9:30 to
 * 3pm shades 9am to 2pm). For charts of demand; bank holidays and closures are not hours of a week.
 */
export function openDuringHour(settings: OpeningHoursSettings): (weekday: number, hour: number) => boolean {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return (weekday, hour) =>
    (settings.weekly[weekday as Weekday] ?? []).some((period) => minutes(period.open) < (hour + 1) * 60 && minutes(period.close) > hour * 60);
}
