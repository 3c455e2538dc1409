import { describeNextOpening, describeTime } from '../../src/handoff/describeOpening';

// Instants are UTC; the words are UK time (BST, UTC+1, from 29 March to 25 October 2026).
describe('when the helpline next opens, in words', () => {
  it.each([
    ['early the same morning', '2026-01-13T07:00:00Z', '2026-01-13T09:30:00Z', 'today at 9:30am'],
    ['after closing on a Monday', '2026-01-12T16:00:00Z', '2026-01-13T09:30:00Z', 'tomorrow at 9:30am'],
    ['at 00:30 BST, when it is still yesterday in UTC', '2026-06-15T23:30:00Z', '2026-06-16T08:30:00Z', 'today at 9:30am'],
    ['at 23:30 BST on a Monday', '2026-06-15T22:30:00Z', '2026-06-16T08:30:00Z', 'tomorrow at 9:30am'],
    ['after closing on a Friday', '2026-01-16T15:00:00Z', '2026-01-19T09:30:00Z', 'on Monday 19 January at 9:30am'],
    ['after closing on Thursday 2 April 2026, before Easter', '2026-04-02T14:00:00Z', '2026-04-07T08:30:00Z', 'on Tuesday 7 April at 9:30am'],
    ['after closing on Thursday 25 March 2027, before Easter and the clock change', '2027-03-25T15:00:00Z', '2027-03-30T08:30:00Z', 'on Tuesday 30 March at 9:30am'],
    ['after closing on Christmas Eve 2026', '2026-12-24T15:00:00Z', '2026-12-29T09:30:00Z', 'on Tuesday 29 December at 9:30am'],
  ])('%s (now %s, opening %s): "%s"', (_, now, opening, words) => {
    expect(describeNextOpening(new Date(opening), new Date(now))).toBe(words);
  });
});

describe('a time of day, in words', () => {
  it.each([
    ['2026-01-13T15:00:00Z', '3pm'],
    ['2026-06-16T14:00:00Z', '3pm'],
    ['2026-01-13T09:30:00Z', '9:30am'],
    ['2026-06-16T08:30:00Z', '9:30am'],
    ['2026-01-13T13:05:00Z', '1:05pm'],
    ['2026-01-13T12:00:00Z', 'midday'],
    ['2026-01-13T12:30:00Z', '12:30pm'],
    ['2026-01-13T00:00:00Z', 'midnight'],
    ['2026-01-13T00:30:00Z', '12:30am'],
  ])('%s is "%s"', (instant, words) => {
    expect(describeTime(new Date(instant))).toBe(words);
  });
});
