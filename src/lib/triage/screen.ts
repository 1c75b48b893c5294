import type { ChatListParams } from '../chats/filters';
import type { ChatAction } from '../chats/actions';
import type { InboxChat } from '../chats/model';
import type { AdvanceSetting } from './cursor';

/** What the triage loop needs of the screen: the view, the open chat, and how to open or close one. */
export interface TriageView {
  params: ChatListParams;
  openChatId: string | null;
  advance: AdvanceSetting;
  openChat: (chatId: string, options: { replace: boolean }) => void;
  closeChat: () => void;
  /** Why this action is unavailable for this chat (a disconnected account, a backend without it), in words; null when available. */
  blockReason: (chat: InboxChat, action: ChatAction) => string | null;
}

let current: TriageView | null = null;

/**
 * The screen as it is now. A toast's Undo or Retry runs after the screen has moved on (another chat open, other
 * filters): it acts on this, not on the screen its toast was made on. The app keeps it up to date.
 */
export function setCurrentView(view: TriageView | null): void {
  current = view;
}

export function currentView(): TriageView | null {
  return current;
}
