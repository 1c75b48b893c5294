import { describe, expect, it, vi } from 'vitest';
import { chatDisplayName, normalizeChat, prettyProviderId, type InboxChat } from './model';
import { readListPage } from '../tolerant-list';
import { wireChatSchema } from '../wire/chat-wire';

const NOW = Date.parse('2026-05-17T12:00:00.000Z');

/** A chat item as the Unipile OpenAPI seed documents it. */
function wire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'Chat',
    id: 'chat_1',
    account_id: 'acc_1',
    account_type: 'LINKEDIN',
    provider_id: 'prov_1',
    attendee_provider_id: 'att_1',
    name: 'Jordan Walke',
    type: 0,
    timestamp: '2026-05-17T09:42:11.000Z',
    unread_count: 2,
    archived: 0,
    muted_until: null,
    read_only: 0,
    folder: ['INBOX', 'INBOX_LINKEDIN_CLASSIC'],
    pinned: 0,
    ...overrides,
  };
}

/** Reads items through the same path the app uses (envelope → item schema → normalize). */
function read(items: unknown[], warn = vi.fn()): { chats: InboxChat[]; warn: typeof warn; cursor: string | null } {
  const page = readListPage({ object: 'ChatList', items, cursor: 'next' }, wireChatSchema, (w) => normalizeChat(w, NOW), 'chat', warn);
  return { chats: page.items, warn, cursor: page.cursor };
}

function one(overrides: Record<string, unknown>): InboxChat {
  const { chats, warn } = read([wire(overrides)]);
  expect(warn).not.toHaveBeenCalled();
  expect(chats).toHaveLength(1);
  return chats[0]!;
}

describe('tolerant chat reader', () => {
  it('reads the documented item into an inbox chat', () => {
    const chat = one({});
    expect(chat).toMatchObject({
      id: 'chat_1',
      accountId: 'acc_1',
      provider: 'LINKEDIN',
      displayName: 'Jordan Walke',
      kind: 'direct',
      lastActivityAt: Date.parse('2026-05-17T09:42:11.000Z'),
      unreadCount: 2,
      archived: false,
      pinned: false,
      mute: { kind: 'none' },
      readOnly: 'writable',
      folders: ['INBOX', 'INBOX_LINKEDIN_CLASSIC'],
    });
  });

  it.each([
    ['0/1 numbers', { archived: 1, pinned: 1, read_only: 1 }],
    ['booleans', { archived: true, pinned: true, read_only: true }],
  ])('reads flags encoded as %s', (_, flags) => {
    expect(one(flags)).toMatchObject({ archived: true, pinned: true, readOnly: 'read_only' });
  });

  it.each([
    ['0/1 numbers', { archived: 0, pinned: 0, read_only: 0 }],
    ['booleans', { archived: false, pinned: false, read_only: false }],
  ])('reads cleared flags encoded as %s', (_, flags) => {
    expect(one(flags)).toMatchObject({ archived: false, pinned: false, readOnly: 'writable' });
  });

  it('reads read_only 2 as locked', () => {
    expect(one({ read_only: 2 }).readOnly).toBe('locked');
  });

  it('treats a missing pinned field (older schema) as not pinned', () => {
    const item = wire();
    delete item.pinned;
    expect(one(item).pinned).toBe(false);
  });

  it.each([
    ['-1 (indefinitely)', -1, { kind: 'forever' }],
    ['a future ISO date', '2026-06-01T00:00:00.000Z', { kind: 'until', until: Date.parse('2026-06-01T00:00:00.000Z') }],
    ['a past ISO date (no longer muted)', '2026-05-01T00:00:00.000Z', { kind: 'none' }],
    ['null', null, { kind: 'none' }],
  ])('reads muted_until as %s', (_, mutedUntil, expected) => {
    expect(one({ muted_until: mutedUntil }).mute).toEqual(expected);
  });

  it('treats an absent muted_until as not muted', () => {
    const item = wire();
    delete item.muted_until;
    expect(one(item).mute).toEqual({ kind: 'none' });
  });

  it('falls back when name and timestamp are null', () => {
    const chat = one({ name: null, timestamp: null });
    expect(chat.name).toBeNull();
    expect(chat.displayName).toBe('ID att_1');
    expect(chat.lastActivityAt).toBeNull();
  });

  it('keeps an unknown provider and an unknown folder as text', () => {
    const chat = one({ account_type: 'MASTODON', folder: ['INBOX', 'Hiring 2026'] });
    expect(chat.provider).toBe('MASTODON');
    expect(chat.folders).toEqual(['INBOX', 'Hiring 2026']);
  });

  it('ignores unknown extra fields', () => {
    const chat = one({ brand_new_field: { nested: true }, lastMessage: null });
    expect(chat).not.toHaveProperty('brand_new_field');
  });

  it('reads chat types given as numbers or words', () => {
    expect(one({ type: 1 }).kind).toBe('group');
    expect(one({ type: 2 }).kind).toBe('broadcast');
    expect(one({ type: 'individual' }).kind).toBe('direct');
    expect(one({ type: 'group' }).kind).toBe('group');
  });

  it('skips one malformed item, keeps the rest and warns once for the page', () => {
    const { chats, warn } = read([wire({ id: 'a' }), wire({ id: 'b', unread_count: 'lots' }), { id: 42 }, 'junk', wire({ id: 'c' })]);
    expect(chats.map((c) => c.id)).toEqual(['a', 'c']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('skipped 3 malformed chat items');
  });

  it('does not warn when every item is well formed', () => {
    const { warn } = read([wire({ id: 'a' }), wire({ id: 'b' })]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('rejects a response without an items array', () => {
    expect(() => readListPage({ object: 'ChatList' }, wireChatSchema, (w) => normalizeChat(w, NOW), 'chat')).toThrowError(/no items array/);
  });

  it.each([
    [null, null],
    [undefined, null],
    ['', null],
    ['abc', 'abc'],
  ])('reads cursor %j as %j', (cursor, expected) => {
    const page = readListPage({ items: [], cursor }, wireChatSchema, (w) => normalizeChat(w, NOW), 'chat');
    expect(page.cursor).toBe(expected);
  });
});

describe('chatDisplayName', () => {
  it('uses the chat name first', () => {
    expect(chatDisplayName({ name: 'Design team', otherAttendeeName: 'Ada', attendeeProviderId: 'x' })).toBe('Design team');
  });

  it.each([null, undefined, '', '   ', 'null', 'undefined'])('skips the name %j', (name) => {
    expect(chatDisplayName({ name, otherAttendeeName: 'Ada Lovelace' })).toBe('Ada Lovelace');
  });

  it('falls back to the attendee provider id, then the chat provider id', () => {
    expect(chatDisplayName({ name: null, attendeeProviderId: 'ACoAAB', providerId: 'chat-prov' })).toBe('ID ACoAAB');
    expect(chatDisplayName({ name: null, attendeeProviderId: ' ', providerId: 'chat-prov' })).toBe('ID chat-prov');
  });

  it('ends with "Unnamed chat"', () => {
    expect(chatDisplayName({ name: null })).toBe('Unnamed chat');
    expect(chatDisplayName({ name: 'null', otherAttendeeName: '', attendeeProviderId: null, providerId: '' })).toBe('Unnamed chat');
  });

  it('shows a WhatsApp id as a phone number', () => {
    expect(prettyProviderId('33612345678@s.whatsapp.net')).toBe('+33612345678');
    expect(chatDisplayName({ name: null, attendeeProviderId: '33612345678@s.whatsapp.net' })).toBe('+33612345678');
  });

  it('takes the other attendee name from embedded attendees or the last message of a 1:1 chat', () => {
    const attendees = [{ name: 'Me', is_self: 1 }, { name: 'Grace Hopper', is_self: 0 }];
    expect(one({ name: null, attendees }).displayName).toBe('Grace Hopper');
    expect(one({ name: null, lastMessage: { sender_name: 'Alan Turing', is_sender: 0 } }).displayName).toBe('Alan Turing');
    // My own last message says nothing about the other person.
    expect(one({ name: null, lastMessage: { sender_name: 'Me', is_sender: 1 } }).displayName).toBe('ID att_1');
  });

  it('does not name a group after one member', () => {
    expect(one({ name: null, type: 1, attendees: [{ name: 'Grace Hopper' }] }).displayName).toBe('ID att_1');
  });
});
