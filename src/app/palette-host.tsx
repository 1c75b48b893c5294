import { useQueryClient } from '@tanstack/react-query';
import CommandPalette from '@/features/palette';
import { chatKeys } from '@/lib/chats/keys';
import { knownChat } from '@/lib/chats/list-pages';
import { useCursorStore } from '@/lib/triage/cursor-store';
import type { TriageView } from '@/lib/triage/screen';
import { paletteChats, paletteCommands, type PaletteHandlers } from './palette-commands';

export interface PaletteHostProps {
  open: boolean;
  onClose: () => void;
  view: TriageView;
  undoWhat: string | null;
  /** The handlers the keys use; selection commands are this host's own (they only touch the cursor store). */
  handlers: Omit<PaletteHandlers, 'toggleSelect' | 'selectAll' | 'clearSelection'>;
}

/** The command palette over the current view: its chats, and commands on the cursor chat. A lazy chunk of its own. */
export default function PaletteHost({ open, onClose, view, undoWhat, handlers }: PaletteHostProps) {
  const queryClient = useQueryClient();
  // Read when the palette renders (it is modal: nothing moves the cursor while it is open).
  const picked = useCursorStore((s) => s.picked.size);
  const store = useCursorStore.getState();
  const cursorId = view.openChatId ?? store.cursor.id;
  const cursorChat = open && cursorId !== null ? (knownChat(queryClient, cursorId) ?? null) : null;
  const listKey = chatKeys.list(view.params);
  return (
    <CommandPalette
      open={open}
      onClose={onClose}
      chats={open ? paletteChats(queryClient, listKey) : []}
      onOpenChat={(chatId) => {
        store.setCursor(chatId, 0);
        view.openChat(chatId, { replace: false });
      }}
      commands={paletteCommands(
        { cursorChat, picked, filters: view.params.filters, undoWhat, blockReason: view.blockReason },
        {
          ...handlers,
          toggleSelect: () => {
            if (cursorChat) store.toggle(cursorChat.id, store.cursor.index);
          },
          selectAll: () => {
            const chats = paletteChats(queryClient, listKey);
            if (chats.length > 0) store.pickAll(chats.map((c) => c.id));
          },
          clearSelection: store.clearPicked,
        },
      )}
    />
  );
}
