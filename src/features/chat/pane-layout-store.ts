import { useCallback, useState, useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';

export const PANE_LAYOUT_STORAGE_KEY = 'triage.chat-pane';

/** Beside the conversation from this width (below it the panel covers the messages and opens only on request). */
const SIDE_PANEL_QUERY = '(min-width: 1024px)';
/** Wide enough to keep the side panel open by default and still give the messages room (the review measured 1280). */
const OPEN_BY_DEFAULT_QUERY = '(min-width: 1440px)';

interface PaneLayoutState {
  /** The person's last choice for the side panel; null until they make one (the width decides). */
  attendeesOpen: boolean | null;
  setAttendeesOpen: (open: boolean) => void;
}

/** localStorage read as it is: a page that refuses it (sandboxed, some private modes) throws, and persist keeps memory. */
function browserStorage(): StateStorage {
  return window.localStorage;
}

/** A layout choice, not server data: kept in this browser like the settings, in a key of its own. */
export const usePaneLayoutStore = create<PaneLayoutState>()(
  persist(
    (set) => ({
      attendeesOpen: null,
      setAttendeesOpen: (attendeesOpen) => set({ attendeesOpen }),
    }),
    {
      name: PANE_LAYOUT_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(browserStorage),
      partialize: ({ attendeesOpen }) => ({ attendeesOpen }),
      // Hand-edited or older values read as "no choice made".
      merge: (persisted, current) => {
        const open = (persisted as { attendeesOpen?: unknown } | null)?.attendeesOpen;
        return { ...current, attendeesOpen: typeof open === 'boolean' ? open : null };
      },
    },
  ),
);

function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

/**
 * Whether the attendee panel is open, and its toggle. Beside the messages (≥ 1024 px) it follows the remembered choice,
 * else the width (open from 1440 px); as an overlay on narrow screens it starts closed each time and is not remembered,
 * since a remembered "open" would hide the conversation of every chat opened after.
 */
export function useAttendeesPanel(): { open: boolean; setOpen: (open: boolean) => void } {
  const side = useMediaQuery(SIDE_PANEL_QUERY);
  const wide = useMediaQuery(OPEN_BY_DEFAULT_QUERY);
  const remembered = usePaneLayoutStore((s) => s.attendeesOpen);
  const remember = usePaneLayoutStore((s) => s.setAttendeesOpen);
  const [overlayOpen, setOverlayOpen] = useState(false);
  const open = side ? (remembered ?? wide) : overlayOpen;
  const setOpen = useCallback((next: boolean) => (side ? remember(next) : setOverlayOpen(next)), [side, remember]);
  return { open, setOpen };
}
