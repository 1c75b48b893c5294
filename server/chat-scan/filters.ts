import { matchesCriteria, readChatFacts, type ChatCriteria } from '../../src/lib/wire/match';
import { foldText } from '../../src/lib/wire/readers';
import { MAX_SEARCH_LENGTH, PAGE_SIZE } from '../../src/lib/wire/vocabulary';
import { InvalidParameterError } from '../routes/errors';
import { boolean, nonEmpty, optionalParam } from '../routes/query';

/*
 * The extension filters of GET /api/v1/chats (the contract is in README.md, "The API the browser speaks"): parsed
 * here, matched by the matcher the browser uses too (src/lib/wire/match.ts).
 */

/** The extension filters of a request: the part of the shared matcher's criteria the upstream cannot apply. */
export type ExtensionFilters = Pick<ChatCriteria, 'folder' | 'archived' | 'pinned' | 'muted' | 'q'>;

export const EXTENSION_PARAMS = ['folder', 'archived', 'pinned', 'muted', 'q'] as const;

/** Matches returned when the request names no `limit`. */
export const DEFAULT_FILTERED_LIMIT = PAGE_SIZE.default;

const q = (name: string, value: string): string => {
  if (foldText(value).trim().length === 0) throw new InvalidParameterError(name, 'must contain something to search for');
  if (value.length > MAX_SEARCH_LENGTH) throw new InvalidParameterError(name, `must be at most ${MAX_SEARCH_LENGTH} characters`);
  return value;
};

/** The extension filters of a request, or null when it has none (then the listing is a plain pass-through). */
export function parseChatFilters(params: URLSearchParams): ExtensionFilters | null {
  const folder = optionalParam(params, 'folder', nonEmpty);
  const archived = optionalParam(params, 'archived', boolean);
  const pinned = optionalParam(params, 'pinned', boolean);
  const muted = optionalParam(params, 'muted', boolean);
  const text = optionalParam(params, 'q', q);
  if (folder === undefined && archived === undefined && pinned === undefined && muted === undefined && text === undefined) return null;
  const filters: ExtensionFilters = {};
  if (folder !== undefined) filters.folder = folder;
  if (archived !== undefined) filters.archived = archived === 'true';
  if (pinned !== undefined) filters.pinned = pinned === 'true';
  if (muted !== undefined) filters.muted = muted === 'true';
  if (text !== undefined) filters.q = text;
  return filters;
}

export type WireChatItem = Record<string, unknown> & { id: string };

/** The shared matcher (src/lib/wire/match.ts) over the wire chat: the browser places chats with the same one. */
export function matchesChat(chat: WireChatItem, filters: ExtensionFilters, now: number): boolean {
  return matchesCriteria(readChatFacts(chat, now), filters, now);
}

