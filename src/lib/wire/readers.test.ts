import { describe, expect, it } from 'vitest';
import { foldText, isMutedAt, readCount, readFlag, readMute, readStrings, readText, readTime } from './readers';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

describe('readFlag', () => {
  it.each([
    [true, true], [1, true], [2, true], [-1, true], ['true', true], ['1', true],
    [false, false], [0, false], [null, false], [undefined, false], [Number.NaN, false], ['0', false], ['yes', false], [{}, false],
  ])('%j → %j', (value, expected) => {
    expect(readFlag(value)).toBe(expected);
  });
});

describe('readMute', () => {
  it('reads epoch numbers in seconds or milliseconds', () => {
    const future = NOW + 3_600_000;
    expect(readMute(future, NOW)).toEqual({ kind: 'until', until: future });
    expect(readMute(future / 1000, NOW)).toEqual({ kind: 'until', until: future });
    expect(readMute((NOW - 1000) / 1000, NOW)).toEqual({ kind: 'none' });
    expect(readMute(0, NOW)).toEqual({ kind: 'none' });
  });

  it('reads -1, any negative number, true and "-1" as muted for good', () => {
    for (const value of [-1, -5, true, '-1', ' -1 ']) expect(readMute(value, NOW)).toEqual({ kind: 'forever' });
  });

  it('reads a past date as no mute, a future one as a mute until then', () => {
    expect(readMute('2026-03-10T11:00:00.000Z', NOW)).toEqual({ kind: 'none' });
    expect(readMute('2026-03-10T13:00:00.000Z', NOW)).toEqual({ kind: 'until', until: NOW + 3_600_000 });
  });

  it('reads unparseable text as muted with no known end, and nothing as no mute', () => {
    expect(readMute('soon', NOW)).toEqual({ kind: 'forever' });
    for (const value of ['', '  ', null, undefined, false, Number.NaN, {}, []]) expect(readMute(value, NOW)).toEqual({ kind: 'none' });
  });

  it('isMutedAt: a mute ends at its time', () => {
    expect(isMutedAt({ kind: 'until', until: NOW }, NOW)).toBe(false);
    expect(isMutedAt({ kind: 'until', until: NOW + 1 }, NOW)).toBe(true);
    expect(isMutedAt({ kind: 'forever' }, NOW)).toBe(true);
  });
});

describe('the other readers', () => {
  it('readText: "null", "undefined" and blanks are no text', () => {
    expect(readText(' Zoë ')).toBe('Zoë');
    for (const value of ['null', 'undefined', '', '  ', null, 3]) expect(readText(value)).toBeNull();
  });

  it('foldText ignores case and accents', () => {
    expect(foldText('Ÿ Åsa Ça')).toBe('y asa ca');
  });

  it('readStrings keeps non-blank strings; an empty or odd list is none', () => {
    expect(readStrings(['INBOX', '', 3, ' ', 'VIP'])).toEqual(['INBOX', 'VIP']);
    expect(readStrings([])).toEqual([]);
    expect(readStrings('INBOX')).toEqual([]);
    expect(readStrings(null)).toEqual([]);
  });

  it('readTime and readCount', () => {
    expect(readTime('2026-03-10T12:00:00.000Z')).toBe(NOW);
    expect(readTime('nope')).toBeNull();
    expect(readTime(NOW)).toBeNull();
    expect(readCount(3.7)).toBe(3);
    expect(readCount(-2)).toBe(0);
    expect(readCount('4')).toBe(0);
  });
});
