import { foldText, isMutedAt, readCount, readFlag, readMute, readStrings, readText, readTime, type MuteState } from './readers';

/**
 * Whether a chat belongs in a list: one matcher for the server's scan (over wire chats), the browser's optimistic
 * placement, live-event placement and counts (over the chats it has read). Both read the wire with ./readers.
 */

/** What matching needs to know of a chat, already read (the browser's chat model has these fields too). */
export interface ChatFacts {
  accountId: string;
  provider: string;
  unreadCount: number;
  archived: boolean;
  pinned: boolean;
  mute: MuteState;
  folders: readonly string[];
  /** The chat's own name (see readText); a chat without one never matches a search. */
  name: string | null;
  lastActivityAt: number | null;
}

/** What a list is narrowed by, in wire terms; an absent field narrows nothing. */
export interface ChatCriteria {
  /** Empty or absent: every account. */
  accountIds?: readonly string[];
  provider?: string;
  /** true: unread only; false: read only. */
  unread?: boolean;
  folder?: string;
  archived?: boolean;
  pinned?: boolean;
  /** Muted right now (a mute that has ended is no mute). */
  muted?: boolean;
  /** The chat's name contains it, ignoring case, accents and the search's surrounding spaces. */
  q?: string;
  /** Exclusive bounds on the last activity, epoch ms; a chat without a time is outside any bound. */
  after?: number;
  before?: number;
}

/** The facts of a wire chat item (any JSON object). */
export function readChatFacts(wire: Record<string, unknown>, now: number): ChatFacts {
  return {
    accountId: typeof wire.account_id === 'string' ? wire.account_id : '',
    provider: readText(wire.account_type) ?? '',
    unreadCount: readCount(wire.unread_count),
    archived: readFlag(wire.archived),
    pinned: readFlag(wire.pinned),
    mute: readMute(wire.muted_until, now),
    folders: readStrings(wire.folder),
    name: readText(wire.name),
    lastActivityAt: readTime(wire.timestamp),
  };
}

export function matchesCriteria(chat: ChatFacts, criteria: ChatCriteria, now: number): boolean {
  const { accountIds, provider, unread, folder, archived, pinned, muted, q, after, before } = criteria;
  if (accountIds !== undefined && accountIds.length > 0 && !accountIds.includes(chat.accountId)) return false;
  if (provider !== undefined && chat.provider.toUpperCase() !== provider.toUpperCase()) return false;
  if (unread !== undefined && chat.unreadCount > 0 !== unread) return false;
  if (folder !== undefined && !chat.folders.includes(folder)) return false;
  if (archived !== undefined && chat.archived !== archived) return false;
  if (pinned !== undefined && chat.pinned !== pinned) return false;
  if (muted !== undefined && isMutedAt(chat.mute, now) !== muted) return false;
  if (q !== undefined && (chat.name === null || !foldText(chat.name).includes(foldText(q).trim()))) return false;
  if (after !== undefined || before !== undefined) {
    if (chat.lastActivityAt === null) return false;
    if (after !== undefined && !(chat.lastActivityAt > after)) return false;
    if (before !== undefined && !(chat.lastActivityAt < before)) return false;
  }
  return true;
}
