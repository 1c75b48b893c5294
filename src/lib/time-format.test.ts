import { describe, expect, it } from 'vitest';
import { createTimeFormatter } from './time-format';

const format = createTimeFormatter({ locale: 'en-US', timeZone: 'UTC' });
// Wednesday 2026-03-18, 12:00 UTC
const NOW = Date.parse('2026-03-18T12:00:00.000Z');
const ago = (ms: number) => NOW - ms;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('relative time', () => {
  it.each([
    ['a few seconds ago', ago(20_000), 'now'],
    ['slightly in the future (clock skew)', NOW + 5 * MIN, 'now'],
    ['5 minutes ago', ago(5 * MIN), '5m'],
    ['59 minutes ago', ago(59 * MIN + 59_000), '59m'],
    ['3 hours ago', ago(3 * HOUR + 10 * MIN), '3h'],
    ['23 hours ago', ago(23 * HOUR), '23h'],
    ['yesterday (a weekday)', ago(DAY + HOUR), 'Tue'],
    ['5 days ago', ago(5 * DAY), 'Fri'],
    ['earlier this year', Date.parse('2026-03-04T08:00:00.000Z'), 'Mar 4'],
    ['last year', Date.parse('2025-12-30T08:00:00.000Z'), '2025'],
    ['long ago', Date.parse('2024-06-01T08:00:00.000Z'), '2024'],
  ])('%s', (_, ms, expected) => {
    expect(format.relative(ms, NOW)).toBe(expected);
  });

  it('never shows a weekday for a message a week old (it would read as this week)', () => {
    expect(format.relative(ago(7 * DAY), NOW)).toBe('Mar 11');
  });

  it('recomputes the current year when now moves', () => {
    const december = Date.parse('2026-12-20T00:00:00.000Z');
    const newYear = Date.parse('2027-01-20T00:00:00.000Z');
    const decFirst = Date.parse('2026-12-01T00:00:00.000Z');
    expect(format.relative(decFirst, december)).toBe('Dec 1');
    expect(format.relative(decFirst, newYear)).toBe('2026');
  });
});

describe('absolute time', () => {
  it('spells out the date and the time', () => {
    expect(format.absolute(Date.parse('2026-03-04T09:42:00.000Z'))).toBe('Wed, Mar 4, 2026, 9:42 AM');
  });
});

describe('short absolute time (the "Absolute" time format of the list)', () => {
  it.each([
    ['earlier today', ago(3 * HOUR), '9:00 AM'],
    ['yesterday', ago(DAY + HOUR), 'Mar 17, 11:00 AM'],
    ['earlier this year', Date.parse('2026-01-02T08:05:00.000Z'), 'Jan 2, 8:05 AM'],
    ['last year', Date.parse('2025-12-30T08:00:00.000Z'), 'Dec 30, 2025'],
  ])('%s', (_, ms, expected) => {
    expect(format.short(ms, NOW)).toBe(expected);
  });
});
