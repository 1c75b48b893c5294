import type { ChatAction } from '@/lib/chats/actions';

export interface ChatActionRequest {
  chatId: string;
  action: ChatAction;
  /** This request reverses an earlier one (from its Undo button): it gets no Undo of its own. */
  isUndo?: boolean;
  /** No confirmation toast (e.g. the automatic mark-as-read on open); failures are still reported. */
  quiet?: boolean;
}
