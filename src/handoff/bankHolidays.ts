import Holidays from 'date-holidays';

/**
 * England and Wales bank holidays (FACTS.md §16), from date-holidays' GB/ENG data. Rules alone are
 * not enough: proclamations move or add days (8 May 2020, 3 June 2022), and the library tracks
 * gov.uk. Only type "public" counts; its other types are observances like Mother's Day.
 * Substitute days (Mon 28 Dec 2026 for a Saturday Boxing Day) are "public" too.
 */
const englandAndWales = new Holidays('GB', 'ENG');
const datesByYear = new Map<number, ReadonlySet<string>>();

/** The bank holidays of one calendar year as UK dates, "YYYY-MM-DD". */
export function bankHolidaysIn(year: number): ReadonlySet<string> {
  let dates = datesByYear.get(year);
  if (!dates) {
    // `date` is the UK calendar day ("2026-12-28 00:00:00"); `start` is an instant and would
    // land on the day before in UTC during British Summer Time.
    dates = new Set(englandAndWales.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    datesByYear.set(year, dates);
  }
  return dates;
}

/** True when a UK date ("YYYY-MM-DD") is an England and Wales bank holiday. */
export function isBankHoliday(isoDate: string): boolean {
  return bankHolidaysIn(Number(isoDate.slice(0, 4))).has(isoDate);
}
