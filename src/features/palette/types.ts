/** One entry of the palette: an action on the cursor chat, a view or filter, or an app command. */
export interface PaletteCommand {
  /** Stable and unique among the commands. */
  id: string;
  label: string;
  group: PaletteGroup;
  /** Key combinations in config/shortcuts.ts syntax ("e", "Shift+j", "Mod+k"), shown with keyLabel(). */
  keys?: readonly string[];
  /** Other words that find it ("done" for Archive). */
  keywords?: readonly string[];
  /** Shown dimmed and never run (e.g. an action with no cursor chat). */
  disabled?: boolean;
  run: () => void;
}

export type PaletteGroup = 'Actions' | 'Views' | 'Filters' | 'App';

/** A loaded chat the palette can open. */
export interface PaletteChat {
  id: string;
  name: string;
  /** The second line, e.g. "WhatsApp · Sales". */
  detail: string;
}

export interface CommandPaletteProps {
  open: boolean;
  /** Esc, a click outside, or after an item ran. */
  onClose: () => void;
  /** The loaded chats of the current view, in list order (10,000 or more: the palette renders a few matches). */
  chats: readonly PaletteChat[];
  onOpenChat: (chatId: string) => void;
  commands: readonly PaletteCommand[];
}
