import { actionGap, backendOfId, type BackendInfo } from '../wire/backends';
import { API_ACTIONS, type ChatAction } from './actions';

/**
 * Why the chat's backend has no way to do this action (Periskope cannot archive, …); null when it can, or when the
 * backend is not known yet (the server then decides). Shared by the chat pane's header and the inbox's bulk bar.
 */
export function triageActionGap(chat: { id: string }, action: ChatAction, backends: readonly BackendInfo[]): string | null {
  const backend = backendOfId(chat.id, backends);
  return backend ? actionGap(backend.kind, API_ACTIONS[action.kind], action.value) : null;
}

/** The gap every one of these chats shares (so acting on them all would do nothing); null when any of them can. */
export function sharedActionGap(chats: readonly { id: string }[], action: ChatAction, backends: readonly BackendInfo[]): string | null {
  let first: string | null = null;
  for (const chat of chats) {
    const gap = triageActionGap(chat, action, backends);
    if (gap === null) return null;
    first ??= gap;
  }
  return first;
}
