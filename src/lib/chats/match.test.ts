import { describe, expect, it } from 'vitest';
import type { ChatFilters } from './filters';
import { chatMatchesFilters, chatMatchesListParams } from './match';
import type { InboxChat } from './model';
import { makeChat } from './inbox-chat.fixture';
import { foldText, isMutedAt } from '../wire/readers';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

const chat = (extra: Partial<InboxChat> = {}): InboxChat =>
  makeChat('c1', { accountId: 'acc-1', name: 'Zoë Martin', displayName: 'Zoë Martin', lastActivityAt: Date.parse('2026-03-09T10:00:00.000Z'), ...extra });

const matches = (c: InboxChat, filters: ChatFilters) => chatMatchesFilters(c, filters, NOW);

describe('chatMatchesFilters', () => {
  it('matches everything but archived chats with no filters (the inbox view is the default)', () => {
    expect(matches(chat(), {})).toBe(true);
    expect(matches(chat({ archived: true }), {})).toBe(false);
    // A list whose model has no view at all is not narrowed by archive state.
    expect(chatMatchesFilters(chat({ archived: true }), {}, NOW, 'all')).toBe(true);
  });

  it('provider', () => {
    expect(matches(chat(), { provider: 'WHATSAPP' })).toBe(true);
    expect(matches(chat(), { provider: 'LINKEDIN' })).toBe(false);
  });

  it('unread: true keeps unread chats, false keeps read ones', () => {
    expect(matches(chat({ unreadCount: 2 }), { unread: true })).toBe(true);
    expect(matches(chat(), { unread: true })).toBe(false);
    expect(matches(chat(), { unread: false })).toBe(true);
    expect(matches(chat({ unreadCount: 1 }), { unread: false })).toBe(false);
  });

  it('folder: the chat folder list includes it', () => {
    expect(matches(chat({ folders: ['INBOX', 'VIP'] }), { folder: 'VIP' })).toBe(true);
    expect(matches(chat(), { folder: 'VIP' })).toBe(false);
  });

  it('view: inbox, archived, all', () => {
    const archived = chat({ archived: true });
    expect(matches(archived, { view: 'inbox' })).toBe(false);
    expect(matches(archived, { view: 'archived' })).toBe(true);
    expect(matches(archived, { view: 'all' })).toBe(true);
    expect(matches(chat(), { view: 'archived' })).toBe(false);
    expect(matches(chat(), { view: 'all' })).toBe(true);
  });

  it('pinned', () => {
    expect(matches(chat({ pinned: true }), { pinned: true })).toBe(true);
    expect(matches(chat(), { pinned: true })).toBe(false);
  });

  it('muted: a past mute date counts as not muted', () => {
    expect(matches(chat({ mute: { kind: 'forever' } }), { muted: true })).toBe(true);
    expect(matches(chat({ mute: { kind: 'until', until: NOW + 60_000 } }), { muted: true })).toBe(true);
    expect(matches(chat({ mute: { kind: 'until', until: NOW - 60_000 } }), { muted: true })).toBe(false);
    expect(matches(chat({ mute: { kind: 'until', until: NOW - 60_000 } }), { muted: false })).toBe(true);
    expect(matches(chat(), { muted: false })).toBe(true);
    expect(isMutedAt({ kind: 'until', until: NOW }, NOW)).toBe(false);
  });

  it('q: the name contains it, ignoring case and accents; chats without a name never match', () => {
    expect(matches(chat(), { q: 'zoe' })).toBe(true);
    expect(matches(chat(), { q: 'MARTÍN' })).toBe(true);
    expect(matches(chat(), { q: 'bob' })).toBe(false);
    expect(matches(chat({ name: null, displayName: '+33612345678' }), { q: '336' })).toBe(false);
    // The search's own spaces do not count (the browser trims it; the server now does too).
    expect(matches(chat(), { q: ' zoë ' })).toBe(true);
    expect(foldText('Ÿ Åsa Ça')).toBe('y asa ca');
  });

  it('after / before are exclusive bounds on the last activity', () => {
    const at = '2026-03-09T10:00:00.000Z';
    expect(matches(chat(), { after: '2026-03-09T09:59:59.999Z' })).toBe(true);
    expect(matches(chat(), { after: at })).toBe(false);
    expect(matches(chat(), { before: '2026-03-09T10:00:00.001Z' })).toBe(true);
    expect(matches(chat(), { before: at })).toBe(false);
    expect(matches(chat({ lastActivityAt: null }), { after: '2020-01-01T00:00:00.000Z' })).toBe(false);
  });

  it('combines filters', () => {
    const c = chat({ pinned: true, unreadCount: 3, provider: 'LINKEDIN' });
    expect(matches(c, { pinned: true, unread: true, provider: 'LINKEDIN' })).toBe(true);
    expect(matches(c, { pinned: true, unread: false })).toBe(false);
  });

  it('ignores values it cannot read instead of guessing', () => {
    const odd = { unread: 'yes', view: 'trash', pinned: 1, q: '  ', after: 'not a date' } as unknown as ChatFilters;
    expect(chatMatchesFilters(chat(), odd, NOW)).toBe(true);
  });
});

describe('chatMatchesListParams', () => {
  it('uses the inbox as the default view: an archived chat is not in a list that names no view', () => {
    const archived = chat({ archived: true });
    expect(chatMatchesListParams(archived, { accountIds: [], filters: {} }, NOW)).toBe(false);
    expect(chatMatchesListParams(archived, { accountIds: [], filters: { view: 'all' } }, NOW)).toBe(true);
    expect(chatMatchesListParams(archived, { accountIds: [], filters: { view: 'inbox' } as ChatFilters }, NOW)).toBe(false);
  });

  it('an empty account selection means every account', () => {
    expect(chatMatchesListParams(chat(), { accountIds: [], filters: {} }, NOW)).toBe(true);
    expect(chatMatchesListParams(chat(), { accountIds: ['acc-1', 'acc-2'], filters: {} }, NOW)).toBe(true);
    expect(chatMatchesListParams(chat(), { accountIds: ['acc-2'], filters: {} }, NOW)).toBe(false);
  });
});
