import { providerLabel } from '@/config/providers';
import type { Account } from '@/lib/accounts';
import type { InboxChat } from '@/lib/chats/model';

/** An account whose source needs its credentials again: the API refuses every write on its chats. */
export function isDisconnected(account: Pick<Account, 'status'> | undefined): boolean {
  return account?.status === 'CREDENTIALS';
}

function disconnectedReason(chat: InboxChat, account: Pick<Account, 'name'>): string {
  return `The ${providerLabel(chat.provider)} account “${account.name}” is disconnected. Reconnect it in your Unipile dashboard to act on this chat.`;
}

/** Why read / mute / archive / pin are unavailable for this chat, in words; null when they are available. */
export function triageBlockReason(chat: InboxChat, account: Account | undefined): string | null {
  if (account && isDisconnected(account)) return disconnectedReason(chat, account);
  if (chat.readOnly === 'locked') return 'This chat is locked by the provider: it cannot be changed from here.';
  if (chat.readOnly === 'read_only') return 'This chat is read-only: it cannot be changed from here.';
  return null;
}

/** Why replying is unavailable, in words; null when a reply can be sent. */
export function replyBlockReason(chat: InboxChat, account: Account | undefined): string | null {
  if (account && isDisconnected(account)) return disconnectedReason(chat, account);
  if (chat.readOnly !== 'writable') return 'This chat is read-only: replies cannot be sent to it.';
  if (chat.disabledFeatures.some((feature) => feature.toLowerCase() === 'reply')) {
    return `Replies are turned off for this chat by ${providerLabel(chat.provider)}.`;
  }
  return null;
}
