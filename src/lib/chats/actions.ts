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

/** Per action and value: the button's accessible name, and what the confirmation toast says once it is done. */
const ACTION_WORDS: Record<ChatActionKind, Record<'on' | 'off', { label: string; done: string }>> = {
  read: { on: { label: 'Mark as read', done: 'Marked as read' }, off: { label: 'Mark as unread', done: 'Marked as unread' } },
  mute: { on: { label: 'Mute', done: 'Muted' }, off: { label: 'Unmute', done: 'Unmuted' } },
  archive: { on: { label: 'Archive', done: 'Archived' }, off: { label: 'Unarchive', done: 'Unarchived' } },
  pin: { on: { label: 'Pin', done: 'Pinned' }, off: { label: 'Unpin', done: 'Unpinned' } },
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

/** Archive, mute and pin move a chat out of sight or change how it notifies: worth an Undo. Read state is not. */
export function isUndoable(kind: ChatActionKind): boolean {
  return kind !== 'read';
}
