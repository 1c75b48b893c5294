import { foldText } from '@/lib/wire/readers';
import type { PaletteChat, PaletteCommand, PaletteGroup } from './types';

/** The order the command groups are listed in; chats come after them. */
export const COMMAND_GROUPS: readonly PaletteGroup[] = ['Actions', 'Views', 'Filters', 'App'];

/** cmdk renders every item it is given, so a query matching thousands of chats shows only the best few. */
export const CHAT_LIMIT = 50;
/** With nothing typed, the top of the list (the newest chats) is offered below the commands. */
export const EMPTY_QUERY_CHATS = 5;

const WORD_BREAK = /[^\p{L}\p{N}]+/u;

/** A query as the matchers read it: folded (case and accents), words split on anything but letters and digits. */
export interface PaletteQuery {
  /** The folded query with spaces collapsed, or '' when nothing is typed. */
  text: string;
  words: readonly string[];
}

export function readQuery(query: string): PaletteQuery {
  const words = foldText(query).split(WORD_BREAK).filter((w) => w !== '');
  return { text: foldText(query).trim().replace(/\s+/g, ' '), words };
}

const wordsOf = (text: string) => foldText(text).split(WORD_BREAK);

/**
 * Commands whose label, group or keywords have, for every word typed, a word that starts with it: "arch" finds
 * Archive and Archived, "chive" finds nothing (a word's middle would match too much).
 */
export function matchCommands(commands: readonly PaletteCommand[], query: PaletteQuery): PaletteCommand[] {
  const ordered = COMMAND_GROUPS.flatMap((group) => commands.filter((c) => c.group === group));
  if (query.words.length === 0) return ordered;
  const found = ordered.filter((command) => {
    const words = [command.label, command.group, ...(command.keywords ?? [])].flatMap(wordsOf);
    return query.words.every((q) => words.some((w) => w.startsWith(q)));
  });
  // A command named what was typed comes first ("unread" is the Unread view before "Mark as unread"), then one whose
  // name starts with it; group order otherwise.
  const rank = (command: PaletteCommand) => {
    const label = foldText(command.label).trim();
    return label === query.text ? 0 : label.startsWith(query.text) ? 1 : 2;
  };
  return found.map((command, index) => ({ command, index, rank: rank(command) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map((x) => x.command);
}

/** The chats' names folded once per list, so typing compares plain strings. */
export function foldNames(chats: readonly PaletteChat[]): string[] {
  return chats.map((chat) => foldText(chat.name));
}

export interface ChatMatches {
  chats: PaletteChat[];
  /** How many chats match in all (more than shown when the limit cut them). */
  total: number;
}

/**
 * Chats whose name contains every word typed, best first and in list order within a rank: the name starts with the
 * query, then every word starts a word of the name, then the words only appear inside it. At most `limit`.
 */
export function matchChats(chats: readonly PaletteChat[], folded: readonly string[], query: PaletteQuery, limit = CHAT_LIMIT): ChatMatches {
  if (query.words.length === 0) return { chats: chats.slice(0, Math.min(limit, EMPTY_QUERY_CHATS)), total: chats.length };
  const ranks: PaletteChat[][] = [[], [], []];
  let total = 0;
  folded.forEach((name, index) => {
    const chat = chats[index];
    if (!chat || !query.words.every((q) => name.includes(q))) return;
    total += 1;
    const rank = name.startsWith(query.text) ? 0 : startsWords(name, query.words) ? 1 : 2;
    const bucket = ranks[rank];
    // Past the limit in a rank, later chats of that rank can never be shown: only the total still counts.
    if (bucket && bucket.length < limit) bucket.push(chat);
  });
  return { chats: ranks.flat().slice(0, limit), total };
}

function startsWords(name: string, words: readonly string[]): boolean {
  const parts = name.split(WORD_BREAK);
  return words.every((q) => parts.some((p) => p.startsWith(q)));
}
