import { describe, expect, it } from 'vitest';
import { CHAT_LIMIT, EMPTY_QUERY_CHATS, foldNames, matchChats, matchCommands, readQuery } from './palette-match';
import type { PaletteChat, PaletteCommand } from './types';

const command = (id: string, label: string, group: PaletteCommand['group'], keywords?: string[]): PaletteCommand => ({ id, label, group, keywords, run: () => {} });
const COMMANDS = [
  command('settings', 'Settings', 'App'),
  command('archive', 'Archive', 'Actions', ['done']),
  command('read', 'Mark as read or unread', 'Actions'),
  command('archived', 'Archived', 'Views'),
  command('unread', 'Unread', 'Filters'),
  command('whatsapp', 'WhatsApp', 'Filters'),
];
const labels = (query: string) => matchCommands(COMMANDS, readQuery(query)).map((c) => c.id);

const chat = (id: string, name: string): PaletteChat => ({ id, name, detail: 'WhatsApp · Sales' });
const names = (chats: PaletteChat[], query: string, limit?: number) => matchChats(chats, foldNames(chats), readQuery(query), limit).chats.map((c) => c.name);

describe('matchCommands', () => {
  it('lists every command by group (Actions, Views, Filters, App) when nothing is typed', () => {
    expect(labels('  ')).toEqual(['archive', 'read', 'archived', 'unread', 'whatsapp', 'settings']);
  });

  it('puts the command named exactly what was typed first, whatever its group', () => {
    expect(labels('archived')).toEqual(['archived']);
    expect(labels('arch')).toEqual(['archive', 'archived']);
    expect(labels('unread')).toEqual(['unread', 'read']);
  });

  it('finds a command by the start of any word of its label, group or keywords, ignoring case', () => {
    expect(labels('ARCH')).toEqual(['archive', 'archived']);
    // A command whose name starts with what is typed comes before one that only has the word further in.
    expect(labels('unr')).toEqual(['unread', 'read']);
    expect(labels('done')).toEqual(['archive']);
    expect(labels('filters wha')).toEqual(['whatsapp']);
  });

  it('does not match inside a word', () => {
    expect(labels('chive')).toEqual([]);
    expect(labels('sapp')).toEqual([]);
  });
});

describe('matchChats', () => {
  const chats = [chat('1', 'Team Zoë'), chat('2', 'Zoe Martin'), chat('3', 'Alice'), chat('4', 'Project zoetrope'), chat('5', 'Bazoe')];

  it('matches names regardless of case and accents, the name that starts with the query first, then word starts', () => {
    expect(names(chats, 'zoe')).toEqual(['Zoe Martin', 'Team Zoë', 'Project zoetrope', 'Bazoe']);
    expect(names(chats, 'ZOË')).toEqual(['Zoe Martin', 'Team Zoë', 'Project zoetrope', 'Bazoe']);
  });

  it('needs every word typed, in any order', () => {
    expect(names(chats, 'martin zoe')).toEqual(['Zoe Martin']);
    expect(names(chats, 'zoe bob')).toEqual([]);
  });

  it('offers only the first few chats when nothing is typed', () => {
    const many = Array.from({ length: 20 }, (_, i) => chat(String(i), `Chat ${i}`));
    expect(names(many, '')).toEqual(many.slice(0, EMPTY_QUERY_CHATS).map((c) => c.name));
  });

  it('shows at most the limit but counts every match, best ranks first', () => {
    const many = [...Array.from({ length: 3 * CHAT_LIMIT }, (_, i) => chat(`in-${i}`, `Xanna ${i}`)), chat('top', 'Anna')];
    const found = matchChats(many, foldNames(many), readQuery('anna'));
    expect(found.total).toBe(3 * CHAT_LIMIT + 1);
    expect(found.chats).toHaveLength(CHAT_LIMIT);
    expect(found.chats[0]?.name).toBe('Anna');
    expect(found.chats[1]?.name).toBe('Xanna 0');
  });
});
