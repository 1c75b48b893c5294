import { create } from 'zustand';

/**
 * What is typed in each chat's reply box, kept while the page lives (not persisted). A failed send puts its text
 * back here even when the chat has been closed meanwhile, so nothing written is lost.
 */
interface DraftState {
  drafts: Readonly<Record<string, string>>;
  setDraft: (chatId: string, text: string) => void;
}

export const useDraftStore = create<DraftState>()((set) => ({
  drafts: {},
  setDraft: (chatId, text) =>
    set((state) => {
      if ((state.drafts[chatId] ?? '') === text) return state;
      const drafts = { ...state.drafts };
      if (text === '') delete drafts[chatId];
      else drafts[chatId] = text;
      return { drafts };
    }),
}));

const draftOf = (chatId: string) => useDraftStore.getState().drafts[chatId] ?? '';

/** A send failed: its text goes back into the box, ahead of anything typed since. */
export function restoreDraft(chatId: string, text: string): void {
  const current = draftOf(chatId);
  useDraftStore.getState().setDraft(chatId, current.trim() === '' ? text : `${text}\n${current}`);
}

/** A send (or its Retry) starts: the box is emptied if it still holds exactly that text. */
export function takeDraft(chatId: string, text: string): void {
  if (draftOf(chatId).trim() === text) useDraftStore.getState().setDraft(chatId, '');
}
