import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { ChatActionKind } from '@/lib/chats/actions';
import type { ChatFilters } from '@/lib/chats/filters';
import { useCursorStore } from '@/lib/triage/cursor-store';
import type { TriageView } from '@/lib/triage/screen';
import { useShortcuts } from '@/lib/use-shortcuts';
import { useUiStore } from '@/lib/ui-store';
import { focusSearch } from '@/features/inbox';

// The triage code loads when the browser is idle or on the first key press; a key pressed before is not lost.
const loadTriage = () => import('@/lib/triage/run-triage');
const KeyboardShortcutsDialog = lazy(() => import('@/components/ui/keyboard-shortcuts-dialog').then((m) => ({ default: m.KeyboardShortcutsDialog })));
// The palette, its commands and cmdk load on the first Ctrl/⌘+K.
const PaletteHost = lazy(() => import('./palette-host'));

export interface TriageKeysProps {
  view: TriageView;
  onFiltersChange: (filters: ChatFilters) => void;
  /** The composer's element id: r focuses it. */
  composerId: string;
}


/**
 * The page-wide triage keys of config/shortcuts.ts (e u p m z, Esc, r, ?, Ctrl/⌘+K) and the dialogs they open: the
 * keyboard help and the command palette. The list's own keys (cursor moves, x, Shift+j/k) live with the list.
 */
export function TriageKeys({ view, onFiltersChange, composerId }: TriageKeysProps) {
  const queryClient = useQueryClient();
  const [helpOpen, setHelpOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [loaded, setLoaded] = useState({ help: false, palette: false });
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  });

  useEffect(() => {
    const idle = window.requestIdleCallback ? window.requestIdleCallback(() => void loadTriage()) : window.setTimeout(() => void loadTriage(), 2_000);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(idle) : window.clearTimeout(idle));
  }, []);

  const triage = (kind: ChatActionKind) => void loadTriage().then((m) => m.runTriage(queryClient, latest.current, kind));
  const undo = () => void loadTriage().then((m) => m.undoLast(queryClient, latest.current));
  const openHelp = () => {
    setLoaded((l) => ({ ...l, help: true }));
    setHelpOpen(true);
  };
  const openPalette = () => {
    setLoaded((l) => ({ ...l, palette: true }));
    setPaletteOpen(true);
    // What z would undo is in the palette's words; the triage chunk is loaded by now (or is about to be).
    void loadTriage().then((m) => setUndoWhat(m.undoDescription()));
  };
  const [undoWhat, setUndoWhat] = useState<string | null>(null);

  useShortcuts('global', {
    archive: () => triage('archive'),
    read: () => triage('read'),
    pin: () => triage('pin'),
    mute: () => triage('mute'),
    undo,
    help: openHelp,
    palette: openPalette,
    close: () => {
      const store = useCursorStore.getState();
      if (store.picked.size > 0) {
        store.clearPicked();
        return;
      }
      if (!latest.current.openChatId) return false;
      latest.current.closeChat();
    },
    reply: () => {
      const composer = document.getElementById(composerId);
      if (!latest.current.openChatId || !(composer instanceof HTMLTextAreaElement) || composer.disabled) return false;
      // The key's default is prevented, or the "r" itself would be typed into the box that just got focus.
      composer.focus();
    },
  });

  return (
    <>
      {loaded.help ? (
        <Suspense fallback={null}>
          <KeyboardShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
        </Suspense>
      ) : null}
      {loaded.palette ? (
        <Suspense fallback={null}>
          <PaletteHost
            open={paletteOpen}
            onClose={() => setPaletteOpen(false)}
            view={view}
            undoWhat={undoWhat}
            handlers={{
              triage,
              undo,
              setFilters: onFiltersChange,
              openSettings: () => useUiStore.getState().openSettings(),
              openHelp,
              focusSearch: () => void focusSearch(),
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
