import { describe, expect, it } from 'vitest';
import { accountView, hiddenAmong } from './account-visibility';

const EXISTING = ['a', 'b', 'c', 'd'];

describe('hiddenAmong', () => {
  it('keeps the hidden ids of accounts that exist, in stored order', () => {
    expect(hiddenAmong(EXISTING, ['c', 'gone', 'a'], null)).toEqual(['c', 'a']);
    expect(hiddenAmong(EXISTING, [], null)).toEqual([]);
  });

  it('turns a version 1 selection into the rest of the accounts', () => {
    expect(hiddenAmong(EXISTING, [], ['b', 'gone'])).toEqual(['a', 'c', 'd']);
    // Every selected account gone meant "every account" then, so nothing is hidden now.
    expect(hiddenAmong(EXISTING, [], ['gone'])).toEqual([]);
  });

  it('never hides every account, nor keeps ids when no account exists', () => {
    expect(hiddenAmong(EXISTING, ['d', 'c', 'b', 'a'], null)).toEqual([]);
    expect(hiddenAmong([], ['a'], null)).toEqual([]);
    expect(hiddenAmong([], [], ['a'])).toEqual([]);
  });
});

describe('accountView', () => {
  it('asks for every account when nothing is hidden, loaded or not', () => {
    expect(accountView(undefined, [], null)).toEqual({ accountIds: [], shown: 0, total: 0 });
    expect(accountView(EXISTING, [], null)).toEqual({ accountIds: [], shown: 4, total: 4 });
    // Hidden ids of accounts that are gone hide nothing.
    expect(accountView(EXISTING, ['gone'], null)).toEqual({ accountIds: [], shown: 4, total: 4 });
  });

  it('has no list to ask for while something is hidden and the accounts are not known', () => {
    expect(accountView(undefined, ['a'], null).accountIds).toBeNull();
    expect(accountView(undefined, [], ['a']).accountIds).toBeNull();
  });

  it('names the shown accounts once they are known', () => {
    expect(accountView(EXISTING, ['b', 'gone'], null)).toEqual({ accountIds: ['a', 'c', 'd'], shown: 3, total: 4 });
    expect(accountView(EXISTING, [], ['d', 'b'])).toEqual({ accountIds: ['b', 'd'], shown: 2, total: 4 });
    // A newly connected account ("e") is shown by default.
    expect(accountView([...EXISTING, 'e'], ['b'], null)).toEqual({ accountIds: ['a', 'c', 'd', 'e'], shown: 4, total: 5 });
  });

  it('shows every account rather than none when all are hidden', () => {
    expect(accountView(EXISTING, EXISTING, null)).toEqual({ accountIds: [], shown: 4, total: 4 });
  });
});
