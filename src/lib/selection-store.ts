import { create } from 'zustand';

/**
 * The chat selected in the list (not necessarily open), shared so keyboard actions (e, u, p, m) can apply to it
 * while no chat is open. Client UI state only: the chat itself stays in the query cache.
 */
interface SelectionState {
  selectedChatId: string | null;
  setSelectedChatId: (chatId: string | null) => void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  selectedChatId: null,
  setSelectedChatId: (selectedChatId) => set({ selectedChatId }),
}));
