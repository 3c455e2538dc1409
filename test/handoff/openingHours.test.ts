import { bankHolidaysIn } from '../../src/handoff/bankHolidays';
import { createOpeningHours } from '../../src/handoff/openingHours';
import { DEFAULT_OPENING_HOURS, parseOpeningHoursSettings, type OpeningHoursSettings } from '../../src/handoff/openingHoursSettings';

// Every instant is written in UTC. In summer (BST) 09:30 UK is 08:30Z and 15:00 UK is 14:00Z.
const helpline = createOpeningHours(DEFAULT_OPENING_HOURS);
const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

function settings(hours: string, closures = ''): OpeningHoursSettings {
  const result = parseOpeningHoursSettings(hours, closures);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.settings;
}

describe('the helpline on an ordinary weekday', () => {
  it.each([
    ['winter, 09:29 GMT', '2026-01-13T09:29:00Z', false],
    ['winter, 09:30 GMT exactly', '2026-01-13T09:30:00Z', true],
    ['winter, 14:59 GMT', '2026-01-13T14:59:00Z', true],
    ['winter, the last millisecond before 15:00 GMT', '2026-01-13T14:59:59.999Z', true],
    ['winter, 15:00 GMT exactly', '2026-01-13T15:00:00Z', false],
    ['summer, 09:29 BST (08:29Z)', '2026-06-16T08:29:00Z', false],
    ['summer, 09:30 BST (08:30Z)', '2026-06-16T08:30:00Z', true],
    ['summer, 14:59 BST (13:59Z)', '2026-06-16T13:59:00Z', true],
    ['summer, 15:00 BST (14:00Z)', '2026-06-16T14:00:00Z', false],
    ['summer, 09:30Z, which is 10:30 BST', '2026-06-16T09:30:00Z', true],
    ['summer, 14:30Z, which is 15:30 BST', '2026-06-16T14:30:00Z', false],
  ])('%s: open is %s', (_, instant, open) => {
    expect(helpline.isOpen(at(instant))).toBe(open);
  });
});

describe('the helpline is closed all day', () => {
  it.each([
    ['on a Saturday', '2026-01-17T10:00:00Z'],
    ['on a Sunday', '2026-06-21T10:00:00Z'],
    ['on New Year\'s Day 2026 (Thursday)', '2026-01-01T10:00:00Z'],
    ['on Good Friday, 3 April 2026', '2026-04-03T10:00:00Z'],
    ['on Easter Monday, 6 April 2026', '2026-04-06T10:00:00Z'],
    ['on the early May bank holiday, 4 May 2026', '2026-05-04T10:00:00Z'],
    ['on the spring bank holiday, 25 May 2026', '2026-05-25T10:00:00Z'],
    ['on the summer bank holiday, 31 August 2026', '2026-08-31T10:00:00Z'],
    ['on Christmas Day, Friday 25 December 2026', '2026-12-25T10:00:00Z'],
    ['on Monday 28 December 2026, the substitute for Boxing Day on a Saturday', '2026-12-28T10:00:00Z'],
    ['on Monday 27 December 2027, the substitute for Christmas Day on a Saturday', '2027-12-27T10:00:00Z'],
    ['on Tuesday 28 December 2027, the substitute for Boxing Day on a Sunday', '2027-12-28T10:00:00Z'],
    ['on Monday 3 January 2028, the substitute for New Year\'s Day on a Saturday', '2028-01-03T10:00:00Z'],
  ])('%s', (_, instant) => {
    expect(helpline.isOpen(at(instant))).toBe(false);
    expect(helpline.closesAt(at(instant))).toBeNull();
  });

  it('but is open as usual on Scotland\'s 2 January holiday (Friday 2 January 2026)', () => {
    expect(helpline.isOpen(at('2026-01-02T10:00:00Z'))).toBe(true);
  });
});

describe('when the helpline closes', () => {
  it.each([
    ['Friday 14:00 in winter: 15:00 GMT', '2026-01-16T14:00:00Z', '2026-01-16T15:00:00.000Z'],
    ['Friday 14:00 in summer: 15:00 BST', '2026-06-19T13:00:00Z', '2026-06-19T14:00:00.000Z'],
    ['on opening at 09:30 exactly', '2026-01-13T09:30:00Z', '2026-01-13T15:00:00.000Z'],
    ['while closed: not at all', '2026-01-13T15:00:00Z', null],
  ])('%s', (_, instant, closes) => {
    expect(iso(helpline.closesAt(at(instant)))).toBe(closes);
  });
});

describe('when the helpline next opens', () => {
  it.each([
    ['while open: there is no next opening', '2026-01-13T10:00:00Z', null],
    ['early on a weekday: at 09:30 that day', '2026-01-13T07:00:00Z', '2026-01-13T09:30:00.000Z'],
    ['after closing on a Tuesday: 09:30 on Wednesday', '2026-01-13T15:00:00Z', '2026-01-14T09:30:00.000Z'],
    ['at 15:00 on a Friday: 09:30 on Monday', '2026-01-16T15:00:00Z', '2026-01-19T09:30:00.000Z'],
    ['on a Saturday: 09:30 on Monday', '2026-01-17T12:00:00Z', '2026-01-19T09:30:00.000Z'],
    ['after closing on Thursday 2 April 2026, before Easter: Tuesday 7 April 09:30 BST', '2026-04-02T14:00:00Z', '2026-04-07T08:30:00.000Z'],
    ['after closing on Friday 22 May 2026: Tuesday 26 May, after the spring bank holiday', '2026-05-22T14:00:00Z', '2026-05-26T08:30:00.000Z'],
    ['after closing on Friday 28 August 2026: Tuesday 1 September, after the summer bank holiday', '2026-08-28T14:00:00Z', '2026-09-01T08:30:00.000Z'],
    ['after closing on Christmas Eve 2026: Tuesday 29 December', '2026-12-24T15:00:00Z', '2026-12-29T09:30:00.000Z'],
    ['after closing on Christmas Eve 2027: Wednesday 29 December', '2027-12-24T15:00:00Z', '2027-12-29T09:30:00.000Z'],
    ['after closing on Friday 31 December 2027: Tuesday 4 January 2028', '2027-12-31T15:00:00Z', '2028-01-04T09:30:00.000Z'],
    ['at 15:00 GMT on Friday 27 March 2026, before the clocks go forward: Monday 09:30 BST', '2026-03-27T15:00:00Z', '2026-03-30T08:30:00.000Z'],
    ['at 15:00 BST on Friday 23 October 2026, before the clocks go back: Monday 09:30 GMT', '2026-10-23T14:00:00Z', '2026-10-26T09:30:00.000Z'],
  ])('%s', (_, instant, opens) => {
    expect(iso(helpline.nextOpening(at(instant)))).toBe(opens);
  });
});

describe('closures the charity adds', () => {
  it('keep the line shut between Christmas and New Year: from Christmas Eve 2026 it next opens Monday 4 January 2027', () => {
    // 28 Dec is a bank holiday, 29–31 Dec the closure, 1 Jan a bank holiday, 2–3 Jan a weekend.
    const hours = createOpeningHours(settings('', '2026-12-29..2026-12-31'));
    expect(iso(hours.nextOpening(at('2026-12-24T15:00:00Z')))).toBe('2027-01-04T09:30:00.000Z');
    expect(hours.isOpen(at('2026-12-30T10:00:00Z'))).toBe(false);
  });

  it('can be a single day, and include it whole', () => {
    const hours = createOpeningHours(settings('', '2026-02-13'));
    expect(hours.isOpen(at('2026-02-13T09:30:00Z'))).toBe(false);
    expect(hours.isOpen(at('2026-02-12T14:59:00Z'))).toBe(true);
    expect(iso(hours.nextOpening(at('2026-02-12T15:00:00Z')))).toBe('2026-02-16T09:30:00.000Z');
  });

  it('that never end mean no next opening rather than a search for ever', () => {
    const hours = createOpeningHours(settings('', '2026-01-01..2099-12-31'));
    expect(hours.nextOpening(at('2026-01-13T10:00:00Z'))).toBeNull();
  });
});

describe('custom weekly hours', () => {
  const hours = createOpeningHours(settings('Mon-Thu 09:30-15:00; Fri 09:30-12:00, 13:00-15:00'));

  it.each([
    ['Friday 11:00: open, closing for lunch at 12:00', '2026-01-16T11:00:00Z', true, '2026-01-16T12:00:00.000Z', null],
    ['Friday 12:00: closed for lunch, back at 13:00', '2026-01-16T12:00:00Z', false, null, '2026-01-16T13:00:00.000Z'],
    ['Friday 13:00: open again until 15:00', '2026-01-16T13:00:00Z', true, '2026-01-16T15:00:00.000Z', null],
    ['Thursday 12:30: open all day', '2026-01-15T12:30:00Z', true, '2026-01-15T15:00:00.000Z', null],
  ])('%s', (_, instant, open, closes, opens) => {
    expect(hours.isOpen(at(instant))).toBe(open);
    expect(iso(hours.closesAt(at(instant)))).toBe(closes);
    expect(iso(hours.nextOpening(at(instant)))).toBe(opens);
  });

  it('run touching periods together, so it says when it really closes', () => {
    const split = createOpeningHours(settings('Mon-Fri 09:30-12:00, 12:00-15:00'));
    expect(iso(split.closesAt(at('2026-01-13T10:00:00Z')))).toBe('2026-01-13T15:00:00.000Z');
  });

  it('can open on a Saturday', () => {
    const saturday = createOpeningHours(settings('Sat 10:00-12:00'));
    expect(iso(saturday.nextOpening(at('2026-01-13T10:00:00Z')))).toBe('2026-01-17T10:00:00.000Z');
  });
});

describe('England and Wales bank holidays, as listed in FACTS.md §16', () => {
  it.each([
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-26', '2026-12-28']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28']],
    [2028, ['2028-01-01', '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']],
  ])('%i', (year, dates) => {
    // Weekend originals (Boxing Day 2026 on a Saturday) are listed too; their substitutes are what matter.
    expect([...bankHolidaysIn(year)].sort()).toEqual(dates);
  });
});
