import { providerLabel } from '@/config/providers';
import type { Account } from '@/lib/accounts';
import { triageActionGap } from '@/lib/chats/action-gap';
import type { ChatAction } from '@/lib/chats/actions';
import type { InboxChat } from '@/lib/chats/model';
import { backendOfId, type BackendInfo } from '@/lib/wire/backends';

/** Where a Unipile customer reconnects an account: the same dashboard whatever the DSN. */
const UNIPILE_DASHBOARD_URL = 'https://dashboard.unipile.com';

const NO_BACKENDS: readonly BackendInfo[] = [];

/** An account whose source needs its credentials again: the API refuses every write on its chats. */
export function isDisconnected(account: Pick<Account, 'status'> | undefined): boolean {
  return account?.status === 'CREDENTIALS';
}

function disconnectedReason(chat: InboxChat, account: Pick<Account, 'name'>, backends: readonly BackendInfo[]): string {
  const backend = backendOfId(chat.id, backends);
  const dashboard = backend ? `your ${backend.label} dashboard` : 'your messaging API’s dashboard';
  return `The ${providerLabel(chat.provider)} account “${account.name}” is disconnected: reconnect it in ${dashboard} to act on this chat.`;
}

/**
 * Why read / mute / archive / pin are all unavailable for this chat, in words; null when they are available. Only a
 * disconnected account blocks them: `read_only` (1 or 2) stops sending, and the API accepts these on such chats.
 * `backends` (from /api/config) name the dashboard to reconnect in.
 */
export function triageBlockReason(chat: InboxChat, account: Account | undefined, backends: readonly BackendInfo[] = NO_BACKENDS): string | null {
  return account && isDisconnected(account) ? disconnectedReason(chat, account, backends) : null;
}

/**
 * Why this action cannot be done on this chat, in words; null when it can: a disconnected account first (it blocks
 * every action), then what the chat's backend lacks. What the keys, the header and the palette ask before acting.
 */
export function triageActionReason(chat: InboxChat, action: ChatAction, account: Account | undefined, backends: readonly BackendInfo[]): string | null {
  return triageBlockReason(chat, account, backends) ?? triageActionGap(chat, action, backends);
}

/**
 * Why replying is unavailable, in words; null when a reply can be sent. A disconnected account gives the very
 * words of triageBlockReason, so the pane can tell the header already says them.
 */
export function replyBlockReason(chat: InboxChat, account: Account | undefined, backends: readonly BackendInfo[] = NO_BACKENDS): string | null {
  if (account && isDisconnected(account)) return disconnectedReason(chat, account, backends);
  if (chat.readOnly === 'locked') return `This chat is locked by ${providerLabel(chat.provider)}: replies cannot be sent to it.`;
  if (chat.readOnly === 'read_only') return 'This chat is read-only: replies cannot be sent to it.';
  if (chat.disabledFeatures.some((feature) => feature.toLowerCase() === 'reply')) {
    return `Replies are turned off for this chat by ${providerLabel(chat.provider)}.`;
  }
  return null;
}

/**
 * Where to reconnect a disconnected account, when the app can tell: the Unipile dashboard for a chat Unipile itself
 * serves. The simulator, postpress and Periskope have no such page Triage knows, so the words alone say what to do.
 */
export function reconnectUrl(backend: BackendInfo | null | undefined): string | null {
  return backend?.kind === 'unipile' && !backend.simulated ? UNIPILE_DASHBOARD_URL : null;
}
