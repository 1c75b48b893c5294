import type { InboxChat } from './model';
import { isMutedAt } from '../wire/readers';

/** The four triage actions of PATCH /api/v1/chats/:id. `value` says the state to reach (read, muted, archived, pinned). */
export type ChatActionKind = 'read' | 'mute' | 'archive' | 'pin';

export interface ChatAction {
  kind: ChatActionKind;
  value: boolean;
}

export const API_ACTIONS: Record<ChatActionKind, 'setReadStatus' | 'setMuteStatus' | 'setArchiveStatus' | 'setPinnedStatus'> = {
  read: 'setReadStatus',
  mute: 'setMuteStatus',
  archive: 'setArchiveStatus',
  pin: 'setPinnedStatus',
};

/** The current state an action kind flips: is the chat read, muted, archived, pinned? */
export function chatState(chat: InboxChat, kind: ChatActionKind, now: number): boolean {
  switch (kind) {
    case 'read':
      return chat.unreadCount === 0;
    case 'mute':
      return isMutedAt(chat.mute, now);
    case 'archive':
      return chat.archived;
    case 'pin':
      return chat.pinned;
  }
}

/** The action a toggle performs on this chat right now. */
export function toggleAction(chat: InboxChat, kind: ChatActionKind, now: number): ChatAction {
  return { kind, value: !chatState(chat, kind, now) };
}

export function inverseAction(action: ChatAction): ChatAction {
  return { kind: action.kind, value: !action.value };
}

/** The chat as it will be once the API has applied the action (the optimistic state). */
export function applyChatAction(chat: InboxChat, action: ChatAction): InboxChat {
  switch (action.kind) {
    case 'read':
      // Marking unread: the API keeps no count to restore, so one unread message is what the provider shows too.
      return { ...chat, unreadCount: action.value ? 0 : Math.max(1, chat.unreadCount) };
    case 'mute':
      // The API's setMuteStatus mutes with no end date.
      return { ...chat, mute: action.value ? { kind: 'forever' } : { kind: 'none' } };
    case 'archive':
      return { ...chat, archived: action.value };
    case 'pin':
      return { ...chat, pinned: action.value };
  }
}

/** `chat` with the state an action of `kind` changes put back as it was in `before` (an exact, per-chat rollback). */
export function revertChatAction(chat: InboxChat, before: InboxChat, kind: ChatActionKind): InboxChat {
  switch (kind) {
    case 'read':
      return { ...chat, unreadCount: before.unreadCount };
    case 'mute':
      return { ...chat, mute: before.mute };
    case 'archive':
      return { ...chat, archived: before.archived };
    case 'pin':
      return { ...chat, pinned: before.pinned };
  }
}

/** Per action and value: the button's accessible name, and what the confirmation toast says once it is done. */
const ACTION_WORDS: Record<ChatActionKind, Record<'on' | 'off', { label: string; done: string; doing: string }>> = {
  read: {
    on: { label: 'Mark as read', done: 'Marked as read', doing: 'Marking as read' },
    off: { label: 'Mark as unread', done: 'Marked as unread', doing: 'Marking as unread' },
  },
  mute: { on: { label: 'Mute', done: 'Muted', doing: 'Muting' }, off: { label: 'Unmute', done: 'Unmuted', doing: 'Unmuting' } },
  archive: { on: { label: 'Archive', done: 'Archived', doing: 'Archiving' }, off: { label: 'Unarchive', done: 'Unarchived', doing: 'Unarchiving' } },
  pin: { on: { label: 'Pin', done: 'Pinned', doing: 'Pinning' }, off: { label: 'Unpin', done: 'Unpinned', doing: 'Unpinning' } },
};

const wordsFor = (action: ChatAction) => ACTION_WORDS[action.kind][action.value ? 'on' : 'off'];

/** The button's accessible name for the action a toggle would perform. */
export function actionLabel(action: ChatAction): string {
  return wordsFor(action).label;
}

/** What happened, for the confirmation toast: "Archived", "Unpinned", "Marked as unread". */
export function actionDoneLabel(action: ChatAction): string {
  return wordsFor(action).done;
}

/** What is happening, for a bulk action's progress: "Archiving", "Marking as unread". */
export function actionDoingLabel(action: ChatAction): string {
  return wordsFor(action).doing;
}
