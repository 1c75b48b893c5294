import { contentTypeLabel, DEFAULT_FOLDER, folderLabel } from '@/config/folders';
import { providerLabel } from '@/config/providers';
import { accountNeedsReconnect, describeAccountStatus } from '../account-status';
import type { Account } from '../accounts';
import type { InboxChat } from './model';
import { formatCount } from '../number-format';
import { timeFormat, type TimeFormatter } from '../time-format';

/** Folders worth naming: the plain inbox is where every chat lives, so it says nothing. */
export function visibleFolders(chat: Pick<InboxChat, 'folders'>): string[] {
  return chat.folders.filter((folder) => folder !== DEFAULT_FOLDER).map(folderLabel);
}

export function describeMute(chat: Pick<InboxChat, 'mute'>, format: TimeFormatter = timeFormat): string | null {
  if (chat.mute.kind === 'none') return null;
  if (chat.mute.kind === 'forever') return 'muted';
  return `muted until ${format.absolute(chat.mute.until)}`;
}

/**
 * The accessible name of a chat row: the display name first, then every state in words, so nothing is conveyed by
 * colour or icon alone. E.g. "Jordan Walke, LinkedIn, account Work, 2 unread, pinned, muted, last activity …".
 */
export function describeChat(
  chat: InboxChat,
  account: (Pick<Account, 'name'> & Partial<Pick<Account, 'status'>>) | undefined,
  format: TimeFormatter = timeFormat,
): string {
  const parts: string[] = [chat.displayName];
  if (chat.kind === 'group') parts.push('group');
  if (chat.kind === 'broadcast') parts.push('broadcast');
  parts.push(providerLabel(chat.provider));
  if (account) parts.push(`account ${account.name}`);
  if (account?.status && accountNeedsReconnect(account.status)) parts.push(`account ${describeAccountStatus(account.status).short.toLowerCase()}`);
  parts.push(chat.unreadCount > 0 ? `${formatCount(chat.unreadCount)} unread` : 'read');
  if (chat.pinned) parts.push('pinned');
  const mute = describeMute(chat, format);
  if (mute) parts.push(mute);
  if (chat.archived) parts.push('archived');
  if (chat.readOnly === 'read_only') parts.push('read-only');
  if (chat.readOnly === 'locked') parts.push('locked');
  const folders = visibleFolders(chat);
  if (folders.length > 0) parts.push(`${folders.length === 1 ? 'folder' : 'folders'} ${folders.join(' and ')}`);
  const badge = contentTypeLabel(chat.contentType);
  if (badge) parts.push(badge);
  if (chat.subject) parts.push(`subject: ${chat.subject}`);
  parts.push(chat.lastActivityAt === null ? 'no activity yet' : `last activity ${format.absolute(chat.lastActivityAt)}`);
  return parts.join(', ');
}

/**
 * The part of an account's name that tells it apart from the others: the row's provider icon already says the
 * provider, so "LinkedIn — Recruiting" reads "Recruiting" and "X — @triage_app" reads "@triage_app". Names without
 * such a prefix are kept whole.
 */
export function accountShortName(name: string, provider: string): string {
  const match = /^(.+?)\s+[—–-]\s+(.+)$/u.exec(name.trim());
  if (!match) return name;
  const [, head = '', rest = ''] = match;
  const label = providerLabel(provider).toLowerCase();
  const prefix = head.toLowerCase();
  // "X (Twitter)" is written "X" in account names; "LinkedIn" as is.
  return label === prefix || label.split(/\s+/)[0] === prefix || provider.toLowerCase() === prefix ? rest : name;
}
