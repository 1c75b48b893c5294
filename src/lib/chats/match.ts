import { DEFAULT_VIEW, type ChatFilters, type ChatListParams, type ChatView } from './filters';
import type { InboxChat } from './model';
import { matchesCriteria, type ChatCriteria } from '../wire/match';
import { readTime } from '../wire/readers';

export type { ChatView } from './filters';

const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function readView(value: unknown, fallback: ChatView): ChatView {
  return value === 'inbox' || value === 'archived' || value === 'all' ? value : fallback;
}

/**
 * The browser's filter model in the wire's terms, as the list's query asks the server (see buildChatListQuery):
 * the view is the `archived` extension. Every field is checked at run time: query keys come back untyped.
 */
export function criteriaOf(filters: ChatFilters, accountIds: readonly string[] = [], fallbackView: ChatView = DEFAULT_VIEW): ChatCriteria {
  const f = filters as Record<string, unknown>;
  const view = readView(f.view, fallbackView);
  const criteria: ChatCriteria = { accountIds };
  const provider = text(f.provider);
  if (provider !== undefined) criteria.provider = provider;
  const unread = bool(f.unread);
  if (unread !== undefined) criteria.unread = unread;
  const folder = text(f.folder);
  if (folder !== undefined) criteria.folder = folder;
  if (view !== 'all') criteria.archived = view === 'archived';
  const pinned = bool(f.pinned);
  if (pinned !== undefined) criteria.pinned = pinned;
  const muted = bool(f.muted);
  if (muted !== undefined) criteria.muted = muted;
  const q = text(f.q);
  if (q !== undefined) criteria.q = q;
  const after = readTime(f.after);
  if (after !== null) criteria.after = after;
  const before = readTime(f.before);
  if (before !== null) criteria.before = before;
  return criteria;
}

/** Whether a chat belongs in a list with these filters, decided on the client (optimistic and live placement). */
export function chatMatchesFilters(chat: InboxChat, filters: ChatFilters, now: number, fallbackView: ChatView = DEFAULT_VIEW): boolean {
  return matchesCriteria(chat, criteriaOf(filters, [], fallbackView), now);
}

/** Filters plus the account selection of a list (an empty selection means every account). */
export function chatMatchesListParams(chat: InboxChat, params: Pick<ChatListParams, 'accountIds' | 'filters'>, now: number): boolean {
  const accountIds = Array.isArray(params.accountIds) ? params.accountIds : [];
  return matchesCriteria(chat, criteriaOf(params.filters ?? {}, accountIds), now);
}
