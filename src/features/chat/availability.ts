import { providerLabel } from '@/config/providers';
import type { Account } from '@/lib/accounts';
import type { AppConfig } from '@/lib/app-config';
import type { InboxChat } from '@/lib/chats/model';

/** Where a Unipile customer reconnects an account: the same dashboard whatever the DSN. */
const UNIPILE_DASHBOARD_URL = 'https://dashboard.unipile.com';

/** An account whose source needs its credentials again: the API refuses every write on its chats. */
export function isDisconnected(account: Pick<Account, 'status'> | undefined): boolean {
  return account?.status === 'CREDENTIALS';
}

function disconnectedReason(chat: InboxChat, account: Pick<Account, 'name'>): string {
  return `The ${providerLabel(chat.provider)} account “${account.name}” is disconnected: reconnect it in your Unipile dashboard to act on this chat.`;
}

/**
 * Why read / mute / archive / pin are unavailable for this chat, in words; null when they are available. Only a
 * disconnected account blocks them: `read_only` (1 or 2) stops sending, and the API accepts these on such chats.
 */
export function triageBlockReason(chat: InboxChat, account: Account | undefined): string | null {
  return account && isDisconnected(account) ? disconnectedReason(chat, account) : null;
}

/**
 * Why replying is unavailable, in words; null when a reply can be sent. A disconnected account gives the very
 * words of triageBlockReason, so the pane can tell the header already says them.
 */
export function replyBlockReason(chat: InboxChat, account: Account | undefined): string | null {
  if (account && isDisconnected(account)) return disconnectedReason(chat, account);
  if (chat.readOnly === 'locked') return `This chat is locked by ${providerLabel(chat.provider)}: replies cannot be sent to it.`;
  if (chat.readOnly === 'read_only') return 'This chat is read-only: replies cannot be sent to it.';
  if (chat.disabledFeatures.some((feature) => feature.toLowerCase() === 'reply')) {
    return `Replies are turned off for this chat by ${providerLabel(chat.provider)}.`;
  }
  return null;
}

/**
 * Where to reconnect a disconnected account, when the app can tell: the Unipile dashboard when the server talks to
 * Unipile. The simulator (or a backend yet unknown) has no such page, so the words alone say what to do.
 */
export function reconnectUrl(config: Pick<AppConfig, 'backend'> | undefined): string | null {
  return config?.backend.kind === 'unipile' ? UNIPILE_DASHBOARD_URL : null;
}
