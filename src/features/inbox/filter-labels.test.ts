import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeChat } from '@/lib/chats/inbox-chat.fixture';
import { dayToInstant, instantToDay, invalidFilterNotice } from './filter-inputs';
import { describeFilters, filterSummary, folderFilterLabel } from './filter-labels';
import { addFolders, loadedStats } from './loaded-stats';

const chat = makeChat;

describe('filters in words', () => {
  it('names each active filter, the default view being none', () => {
    const parts = describeFilters({ view: 'archived', provider: 'TWITTER', unread: false, folder: 'INBOX_LINKEDIN_CLASSIC', pinned: true, muted: false, q: 'zoë' });
    expect(parts).toEqual([
      { name: 'view', label: 'Archived' },
      { name: 'provider', label: 'X (Twitter)' },
      { name: 'unread', label: 'Read' },
      { name: 'folder', label: 'LinkedIn Classic' },
      { name: 'pinned', label: 'Pinned' },
      { name: 'muted', label: 'Not muted' },
      { name: 'q', label: '“zoë”' },
    ]);
    expect(describeFilters({ view: 'inbox' })).toEqual([]);
  });

  it('sums up the list for its heading', () => {
    expect(filterSummary({})).toBe('Inbox');
    expect(filterSummary({ view: 'all' })).toBe('All chats');
    expect(filterSummary({ unread: true, provider: 'WHATSAPP' })).toBe('WhatsApp · Unread');
  });

  it('keeps a custom folder name as it is', () => {
    expect(folderFilterLabel('Follow-up ✅')).toBe('Follow-up ✅');
    expect(folderFilterLabel('INBOX_LINKEDIN_SALES_NAVIGATOR')).toBe('Sales Navigator');
  });

  it('says which values of the link were ignored, cutting long ones', () => {
    expect(invalidFilterNotice([])).toBeNull();
    expect(invalidFilterNotice([{ name: 'provider', raw: 'FAX' }])).toBe('Ignored an invalid filter in the link: provider=FAX');
    expect(invalidFilterNotice([{ name: 'provider', raw: 'FAX' }, { name: 'q', raw: 'x'.repeat(300) }])).toBe(
      `Ignored invalid filters in the link: provider=FAX, q=${'x'.repeat(40)}…`,
    );
  });
});

describe('date fields', () => {
  it('a day → the instant of its local midnight → the same day', () => {
    const days = fc.date({ min: new Date('1000-01-02T00:00:00Z'), max: new Date('2999-12-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(days, (day) => {
        const instant = dayToInstant(day);
        expect(instant).toBeDefined();
        expect(instantToDay(instant)).toBe(day);
      }),
    );
  });

  it('refuses what is not a calendar day the API takes', () => {
    for (const bad of ['', '2026-02-30', '0999-01-01', '3000-01-01', '2026-3-1']) expect(dayToInstant(bad)).toBeUndefined();
    expect(instantToDay(undefined)).toBe('');
  });
});

describe('loaded chats', () => {
  it('counts unread chats per provider and finds custom folders', () => {
    const stats = loadedStats([
      chat('a', { unreadCount: 3 }),
      chat('b', { unreadCount: 1, folders: ['INBOX', 'VIP'] }),
      chat('c', { provider: 'LINKEDIN', unreadCount: 2, folders: ['INBOX_LINKEDIN_CLASSIC', 'Clients'] }),
      chat('d', { provider: 'LINKEDIN' }),
    ]);
    expect(Object.fromEntries(stats.unreadByProvider)).toEqual({ WHATSAPP: 2, LINKEDIN: 1 });
    expect(stats.customFolders).toEqual(['Clients', 'VIP']);
  });

  it('adds folders seen, keeping the same array when nothing is new', () => {
    const seen = ['VIP'];
    expect(addFolders(seen, ['VIP'])).toBe(seen);
    expect(addFolders(seen, ['Clients', 'VIP'])).toEqual(['Clients', 'VIP']);
  });
});
