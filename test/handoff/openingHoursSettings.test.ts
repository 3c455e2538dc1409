import { ConfigError, loadConfig } from '../../src/config';
import { parseOpeningHoursSettings, type OpeningHoursSettings } from '../../src/handoff/openingHoursSettings';

const WORKING_DAY = [{ open: '09:30', close: '15:00' }];

function parsed(hours: string, closures = ''): OpeningHoursSettings {
  const result = parseOpeningHoursSettings(hours, closures);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.settings;
}

function problems(hours: string, closures = ''): readonly string[] {
  const result = parseOpeningHoursSettings(hours, closures);
  return result.ok ? [] : result.problems;
}

describe('HELPLINE_HOURS', () => {
  it('left empty means Monday to Friday, 09:30 to 15:00, closed at weekends', () => {
    expect(parsed('').weekly).toEqual({ 1: WORKING_DAY, 2: WORKING_DAY, 3: WORKING_DAY, 4: WORKING_DAY, 5: WORKING_DAY, 6: [], 7: [] });
  });

  it.each([
    ['Mon-Fri 09:30-15:00', { 1: WORKING_DAY, 5: WORKING_DAY, 6: [] }],
    ['Mon-Thu 09:30-15:00; Fri 09:30-13:00', { 4: WORKING_DAY, 5: [{ open: '09:30', close: '13:00' }] }],
    ['Sat 10:00-12:00', { 1: [], 6: [{ open: '10:00', close: '12:00' }] }],
    ['Mon 13:00-15:00, 9:30-12:00', { 1: [{ open: '09:30', close: '12:00' }, { open: '13:00', close: '15:00' }], 2: [] }],
    ['monday-friday 09:30 \u2013 15:00', { 1: WORKING_DAY, 5: WORKING_DAY }],
    ['Fri-Mon 10:00-11:00', { 5: [{ open: '10:00', close: '11:00' }], 7: [{ open: '10:00', close: '11:00' }], 1: [{ open: '10:00', close: '11:00' }], 2: [] }],
  ])('understands "%s"', (text, days) => {
    expect(parsed(text).weekly).toMatchObject(days);
  });

  it.each([
    ['Mon-Fri', /^HELPLINE_HOURS needs opening times after the days \(found "Mon-Fri"\)/],
    ['09:30-15:00', /^HELPLINE_HOURS must start each group with a day or days like "Mon-Fri" \(found "09:30-15:00"\)/],
    ['Funday 09:30-15:00', /must start each group with a day.*\(found "Funday 09:30-15:00"\)/],
    ['Mon-Wed-Fri 09:30-15:00', /must start each group with a day/],
    ['Mon-Fri 9.30-15.00', /^HELPLINE_HOURS needs times as opening-closing on the 24-hour clock, like 09:30-15:00 \(found "9.30-15.00" in "Mon-Fri 9.30-15.00"\)/],
    ['Mon-Fri 9:30am-3pm', /needs times as opening-closing on the 24-hour clock/],
    ['Mon-Fri 09:30-25:00', /has a time that is not on the 24-hour clock/],
    ['Mon-Fri 15:00-09:30', /has a closing time that is not after the opening time/],
    ['Mon-Fri 09:30-15:00; Fri 09:30-13:00', /^HELPLINE_HOURS gives Fri two periods that overlap \(09:30-15:00 and 09:30-13:00\)/],
  ])('refuses "%s", saying what is wrong', (text, message) => {
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
    expect(found[0]).toMatch(/Fix it in \.env, or delete it to use Mon-Fri 09:30-15:00\.$/);
  });
});

describe('HELPLINE_CLOSURES', () => {
  it('left empty means no closures beyond bank holidays', () => {
    expect(parsed('').closures).toEqual([]);
  });

  it('understands ranges and single dates: "2026-12-24..2027-01-01, 2027-02-14"', () => {
    expect(parsed('', '2026-12-24..2027-01-01, 2027-02-14').closures).toEqual([
      { from: '2026-12-24', to: '2027-01-01' },
      { from: '2027-02-14', to: '2027-02-14' },
    ]);
  });

  it.each([
    ['24/12/2026', /^HELPLINE_CLOSURES has something that is not a real date or date range \(found "24\/12\/2026"\)/],
    ['2026-02-30', /not a real date.*\(found "2026-02-30"\)/],
    ['2026-12-24..', /not a real date.*\(found "2026-12-24\.\."\)/],
    ['2026-12-24..2026-12-25..2026-12-26', /not a real date or date range/],
    ['2027-01-01..2026-12-24', /^HELPLINE_CLOSURES has a range that ends before it starts \(found "2027-01-01..2026-12-24"\)\. Put the earlier date first, like 2026-12-24..2027-01-01\.$/],
  ])('refuses "%s", saying what is wrong', (text, message) => {
    const found = problems('', text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });
});

describe('opening hours in the bot\'s settings', () => {
  it('default to Monday to Friday, 09:30 to 15:00, and cannot be changed after start-up', () => {
    const { openingHours } = loadConfig({});
    expect(openingHours.weekly[1]).toEqual(WORKING_DAY);
    expect(Object.isFrozen(openingHours.weekly)).toBe(true);
    expect(Object.isFrozen(openingHours.weekly[1])).toBe(true);
    expect(Object.isFrozen(openingHours.closures)).toBe(true);
  });

  it('come from HELPLINE_HOURS and HELPLINE_CLOSURES', () => {
    const { openingHours } = loadConfig({ HELPLINE_HOURS: 'Mon-Thu 09:30-15:00', HELPLINE_CLOSURES: '2026-12-29..2026-12-31' });
    expect(openingHours.weekly[5]).toEqual([]);
    expect(openingHours.closures).toEqual([{ from: '2026-12-29', to: '2026-12-31' }]);
  });

  it('stop start-up when wrong, listed with every other problem', () => {
    expect.assertions(4);
    try {
      loadConfig({ HELPLINE_HOURS: 'weekdays', HELPLINE_CLOSURES: '31/12/2026', PORT: 'x' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const found = (error as ConfigError).problems;
      expect(found).toHaveLength(3);
      expect(found.some((p) => p.startsWith('HELPLINE_HOURS '))).toBe(true);
      expect(found.some((p) => p.startsWith('HELPLINE_CLOSURES '))).toBe(true);
    }
  });
});
