import { useEffect } from 'react';

/** Where lost focus goes: the chat list when it is on screen, else the open chat's pane. */
function recoveryTarget(): HTMLElement | null {
  const list = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Chats"]');
  if (list && list.offsetParent !== null) return list;
  return document.querySelector<HTMLElement>('[data-focus-fallback]');
}

/**
 * Focus never falls to the page body: when the focused element goes away (a toast's Undo that closed, the bulk bar
 * once its chats are archived, a button that became disabled), focus returns to the list, so the next key works.
 * A click on the page's background is left alone: only an element that disappeared or was disabled counts.
 */
export function useFocusRecovery(): void {
  useEffect(() => {
    let frame = 0;
    const onFocusOut = (event: FocusEvent) => {
      const lost = event.target;
      if (event.relatedTarget !== null || !(lost instanceof HTMLElement)) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const gone = !lost.isConnected || (lost instanceof HTMLButtonElement && lost.disabled);
        const nowhere = document.activeElement === null || document.activeElement === document.body;
        if (!gone || !nowhere || document.querySelector('dialog:modal')) return;
        recoveryTarget()?.focus({ preventScroll: true });
      });
    };
    document.addEventListener('focusout', onFocusOut);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}
