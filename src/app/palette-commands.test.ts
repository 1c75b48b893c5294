import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { SHORTCUTS } from '@/config/shortcuts';
import { accountKeys } from '@/lib/accounts';
import { makeChat } from '@/lib/chats/inbox-chat.fixture';
import { chatKeys } from '@/lib/chats/keys';
import type { ChatListParams } from '@/lib/chats/filters';
import { paletteChats, paletteCommands, type PaletteHandlers } from './palette-commands';

const handlers = (): PaletteHandlers => ({
  triage: vi.fn(),
  undo: vi.fn(),
  toggleSelect: vi.fn(),
  selectAll: vi.fn(),
  clearSelection: vi.fn(),
  setFilters: vi.fn(),
  openSettings: vi.fn(),
  openHelp: vi.fn(),
  focusSearch: vi.fn(),
});

describe('the palette commands', () => {
  it('name what the action will do to the cursor chat, with its key, and run the same handler as the key', () => {
    const run = handlers();
    const chat = makeChat('c1', { displayName: 'Ada', archived: false, pinned: true, unreadCount: 0 });
    const commands = paletteCommands({ cursorChat: chat, picked: 0, filters: {}, undoWhat: 'Archived “Bob”' }, run);
    const byId = new Map(commands.map((c) => [c.id, c]));
    expect(byId.get('action:archive')).toMatchObject({ label: 'Archive: “Ada”', keys: ['e'], disabled: false });
    expect(byId.get('action:pin')?.label).toBe('Unpin: “Ada”');
    expect(byId.get('action:read')?.label).toBe('Mark as unread: “Ada”');
    expect(byId.get('action:undo')).toMatchObject({ label: 'Undo: Archived “Bob”', keys: ['z'], disabled: false });
    byId.get('action:archive')?.run();
    expect(run.triage).toHaveBeenCalledWith('archive');
  });

  it('are disabled with no chat to act on; act on the picked chats when some are', () => {
    const none = paletteCommands({ cursorChat: null, picked: 0, filters: {}, undoWhat: null }, handlers());
    expect(none.filter((c) => c.id.startsWith('action:') && c.id !== 'action:select-all').every((c) => c.disabled)).toBe(true);
    const picked = paletteCommands({ cursorChat: null, picked: 4, filters: {}, undoWhat: null }, handlers());
    expect(picked.find((c) => c.id === 'action:archive')).toMatchObject({ label: 'Archive: 4 selected', disabled: false });
    expect(picked.some((c) => c.id === 'action:clear')).toBe(true);
  });

  it('offer every view, every provider as a filter (kept with the other filters), settings and help', () => {
    const run = handlers();
    const commands = paletteCommands({ cursorChat: null, picked: 0, filters: { unread: true }, undoWhat: null }, run);
    expect(commands.filter((c) => c.group === 'Views').map((c) => c.label)).toEqual(['Inbox', 'Unread', 'Pinned', 'Muted', 'Archived', 'All chats']);
    commands.find((c) => c.label === 'WhatsApp')?.run();
    expect(run.setFilters).toHaveBeenCalledWith({ unread: true, provider: 'WHATSAPP' });
    commands.find((c) => c.label === 'Archived')?.run();
    expect(run.setFilters).toHaveBeenLastCalledWith({ view: 'archived' });
    expect(commands.filter((c) => c.group === 'App').map((c) => c.label)).toEqual(['Search chats', 'Settings', 'Keyboard shortcuts']);
  });

  it('carry the keys of the shortcut table, so the palette and the ? dialog never disagree', () => {
    const commands = paletteCommands({ cursorChat: makeChat('c1'), picked: 1, filters: {}, undoWhat: 'x' }, handlers());
    const table = new Map(SHORTCUTS.map((s) => [s.action, s.keys]));
    for (const [id, action] of [
      ['action:archive', 'archive'],
      ['action:undo', 'undo'],
      ['action:select', 'toggleSelect'],
      ['action:select-all', 'selectAll'],
      ['app:settings', 'settings'],
      ['app:help', 'help'],
    ] as const) {
      expect(commands.find((c) => c.id === id)?.keys).toEqual(table.get(action));
    }
  });
});

describe('the palette chats', () => {
  it('are the loaded chats of the view, each saying where it comes from once', () => {
    const queryClient = new QueryClient();
    const params: ChatListParams = { accountIds: [], pageSize: 100, filters: {} };
    queryClient.setQueryData(chatKeys.list(params), {
      pages: [{ chats: [makeChat('a', { name: 'Ada', displayName: 'Ada', provider: 'LINKEDIN', accountId: 'l' }), makeChat('b', { name: 'Bo', displayName: 'Bo', provider: 'INSTAGRAM', accountId: 'i' })], cursor: null }],
      pageParams: [null],
    });
    queryClient.setQueryData(accountKeys.list(), [
      { id: 'l', name: 'LinkedIn — Sales', provider: 'LINKEDIN', status: 'OK' },
      { id: 'i', name: '@studio', provider: 'INSTAGRAM', status: 'OK' },
    ]);
    expect(paletteChats(queryClient, chatKeys.list(params))).toEqual([
      { id: 'a', name: 'Ada', detail: 'LinkedIn — Sales' },
      { id: 'b', name: 'Bo', detail: 'Instagram · @studio' },
    ]);
  });
});
