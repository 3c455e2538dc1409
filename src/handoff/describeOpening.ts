import { DateTime } from 'luxon';
import { UK_ZONE } from './openingHours';

/**
 * When the helpline next opens, as a person would say it, in UK time: "today at 9:30am",
 * "tomorrow at 9:30am", otherwise "on Tuesday 30 March at 9:30am". Beyond tomorrow the date is
 * always given: "on Tuesday" read on a Thursday before Easter could mean two different days.
 */
export function describeNextOpening(opening: Date, now: Date): string {
  const day = DateTime.fromJSDate(opening, { zone: UK_ZONE }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone: UK_ZONE }).startOf('day');
  const time = describeTime(opening);
  if (day.hasSame(today, 'day')) return `today at ${time}`;
  if (day.hasSame(today.plus({ days: 1 }), 'day')) return `tomorrow at ${time}`;
  return `on ${day.setLocale('en-GB').toFormat('cccc d LLLL')} at ${time}`;
}

/** A UK clock time the way people say it: "3pm", "9:30am", "midday". */
export function describeTime(d: Date): string {
  const time = DateTime.fromJSDate(d, { zone: UK_ZONE });
  if (time.hour === 12 && time.minute === 0) return 'midday';
  if (time.hour === 0 && time.minute === 0) return 'midnight';
  const hour = time.hour % 12 === 0 ? 12 : time.hour % 12;
  const minutes = time.minute === 0 ? '' : `:${String(time.minute).padStart(2, '0')}`;
  return `${hour}${minutes}${time.hour < 12 ? 'am' : 'pm'}`;
}
