import type { QueryClient } from '@tanstack/react-query';
import { accountKeys, indexAccounts, type Account } from '@/lib/accounts';
import { toggleAction, type ChatActionKind } from '@/lib/chats/actions';
import { showToast } from '@/lib/toast-store';
import { triageBlockReason } from './availability';
import { knownChat, runChatAction } from './use-chat-action';

/**
 * What e / u / p / m do: toggle the action on the chat, or say why it is not available. Loaded on demand by
 * TriageShortcuts, so the list's first paint does not carry the mutation code.
 */
export function runTriageKey(queryClient: QueryClient, chatId: string, kind: ChatActionKind): void {
  const chat = knownChat(queryClient, chatId);
  if (!chat) return;
  const account = indexAccounts(queryClient.getQueryData<Account[]>(accountKeys.list())).get(chat.accountId);
  const reason = triageBlockReason(chat, account);
  if (reason) {
    // Pressing the key again says the same: one toast that counts, not a stack.
    showToast({ tone: 'error', key: `unavailable:${reason}`, title: 'Not available for this chat', message: reason });
    return;
  }
  void runChatAction(queryClient, { chatId: chat.id, action: toggleAction(chat, kind, Date.now()) });
}
