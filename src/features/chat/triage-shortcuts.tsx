import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { triageActionFor } from '@/config/shortcuts';
import { isTypingTarget } from '@/lib/typing-target';
import { COMPOSER_ID } from './composer-id';

// Both load on first use (and the runner when the browser is idle), keeping them out of the initial bundle.
const loadRunner = () => import('./triage-runner');
const KeyboardShortcutsDialog = lazy(() => import('@/components/ui/keyboard-shortcuts-dialog').then((m) => ({ default: m.KeyboardShortcutsDialog })));

export interface TriageShortcutsProps {
  /** The chat open in the detail pane, if any. */
  openChatId: string | null;
  /** The list's selected chat: e / u / p / m act on it while no chat is open. */
  selectedChatId: string | null;
  /** Esc with a chat open: back to the list. */
  onCloseChat: () => void;
}

/**
 * The app-wide triage keys (config/shortcuts.ts): e archive, u read/unread, p pin, m mute, r reply, Esc close, ? help.
 * Mounted once by the app; renders the "Keyboard shortcuts" dialog.
 */
export default function TriageShortcuts({ openChatId, selectedChatId, onCloseChat }: TriageShortcutsProps) {
  const [helpOpen, setHelpOpen] = useState(false);
  const [helpLoaded, setHelpLoaded] = useState(false);
  const queryClient = useQueryClient();

  // The listener is added once; it reads the latest props through this ref.
  const latest = useRef({ openChatId, selectedChatId, onCloseChat });
  useEffect(() => {
    latest.current = { openChatId, selectedChatId, onCloseChat };
  });

  useEffect(() => {
    const idle = window.requestIdleCallback ? window.requestIdleCallback(() => void loadRunner()) : window.setTimeout(() => void loadRunner(), 2_000);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(idle) : window.clearTimeout(idle));
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      // A modal dialog (settings, this help) owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      const action = triageActionFor(event);
      if (!action || action === 'settings' || action === 'search') return;
      const { openChatId: open, selectedChatId: selected, onCloseChat: close } = latest.current;

      switch (action) {
        case 'help':
          event.preventDefault();
          setHelpLoaded(true);
          setHelpOpen(true);
          return;
        case 'close':
          if (!open) return;
          event.preventDefault();
          close();
          return;
        case 'reply': {
          if (!open) return;
          const composer = document.getElementById(COMPOSER_ID);
          if (!(composer instanceof HTMLTextAreaElement) || composer.disabled) return;
          // Without this the "r" itself would be typed into the box that just got focus.
          event.preventDefault();
          composer.focus();
          return;
        }
        default: {
          const target = open ?? selected;
          if (!target || event.repeat) return;
          event.preventDefault();
          void loadRunner().then(({ runTriageKey }) => runTriageKey(queryClient, target, action));
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [queryClient]);

  if (!helpLoaded) return null;
  return (
    <Suspense fallback={null}>
      <KeyboardShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Suspense>
  );
}
