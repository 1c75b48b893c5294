import { DEFAULT_VIEW, type ChatFilters, type ChatListParams, type ChatView } from './chat-filters';
import type { InboxChat } from './chat-model';

export type { ChatView } from './chat-filters';

/** The filter model as matched here; every field is still checked at run time (query keys come back untyped). */
export type MatchableFilters = ChatFilters;

/** Case- and accent-insensitive form, as the server folds it: "Zoë" and "ZOE" both become "zoe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function readView(value: unknown, fallback: ChatView): ChatView {
  return value === 'inbox' || value === 'archived' || value === 'all' ? value : fallback;
}

/** The archive view of a list that names none: the inbox (archived chats hidden). */
export function defaultView(): ChatView {
  return DEFAULT_VIEW;
}

function readTime(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Muted right now: a mute whose end has passed since the chat was read counts as not muted. */
export function isMutedAt(chat: Pick<InboxChat, 'mute'>, now: number): boolean {
  if (chat.mute.kind === 'none') return false;
  if (chat.mute.kind === 'forever') return true;
  return chat.mute.until > now;
}

/** Whether a chat belongs in a list with these filters, decided on the client (for optimistic cache updates). */
export function chatMatchesFilters(chat: InboxChat, filters: ChatFilters, now: number, fallbackView: ChatView = DEFAULT_VIEW): boolean {
  const f = filters as Record<string, unknown>;

  const provider = text(f.provider);
  if (provider !== undefined && chat.provider.toUpperCase() !== provider.toUpperCase()) return false;

  const unread = bool(f.unread);
  if (unread !== undefined && chat.unreadCount > 0 !== unread) return false;

  const folder = text(f.folder);
  if (folder !== undefined && !chat.folders.includes(folder)) return false;

  const view = readView(f.view, fallbackView);
  if (view === 'inbox' && chat.archived) return false;
  if (view === 'archived' && !chat.archived) return false;

  // "Pinned only" is the one pinned view; `false` is accepted too, as the server does.
  const pinned = bool(f.pinned);
  if (pinned !== undefined && chat.pinned !== pinned) return false;

  const muted = bool(f.muted);
  if (muted !== undefined && isMutedAt(chat, now) !== muted) return false;

  const q = text(f.q);
  // The server searches the chat's own name, so a chat without one never matches a search.
  if (q !== undefined && (chat.name === null || !foldText(chat.name).includes(foldText(q.trim())))) return false;

  const after = readTime(f.after);
  const before = readTime(f.before);
  if (after !== undefined || before !== undefined) {
    if (chat.lastActivityAt === null) return false;
    if (after !== undefined && !(chat.lastActivityAt > after)) return false;
    if (before !== undefined && !(chat.lastActivityAt < before)) return false;
  }
  return true;
}

/** Filters plus the account selection of a list (an empty selection means every account). */
export function chatMatchesListParams(chat: InboxChat, params: Pick<ChatListParams, 'accountIds' | 'filters'>, now: number): boolean {
  const accountIds = Array.isArray(params.accountIds) ? params.accountIds : [];
  if (accountIds.length > 0 && !accountIds.includes(chat.accountId)) return false;
  return chatMatchesFilters(chat, params.filters ?? {}, now, defaultView());
}
