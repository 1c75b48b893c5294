import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ChatActionKind } from '@/lib/chats/actions';
import { useShortcuts } from '@/lib/use-shortcuts';
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
 * The triage keys of config/shortcuts.ts: e archive, u read/unread, p pin, m mute, r reply, Esc close, ? help.
 * Mounted once by the app; renders the "Keyboard shortcuts" dialog.
 */
export default function TriageShortcuts({ openChatId, selectedChatId, onCloseChat }: TriageShortcutsProps) {
  const [helpOpen, setHelpOpen] = useState(false);
  const [helpLoaded, setHelpLoaded] = useState(false);
  const queryClient = useQueryClient();

  useEffect(() => {
    const idle = window.requestIdleCallback ? window.requestIdleCallback(() => void loadRunner()) : window.setTimeout(() => void loadRunner(), 2_000);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(idle) : window.clearTimeout(idle));
  }, []);

  const triage = (kind: ChatActionKind) => () => {
    const target = openChatId ?? selectedChatId;
    if (!target) return false;
    void loadRunner().then(({ runTriageKey }) => runTriageKey(queryClient, target, kind));
  };

  useShortcuts('global', {
    archive: triage('archive'),
    read: triage('read'),
    pin: triage('pin'),
    mute: triage('mute'),
    help: () => {
      setHelpLoaded(true);
      setHelpOpen(true);
    },
    close: () => {
      if (!openChatId) return false;
      onCloseChat();
    },
    reply: () => {
      const composer = document.getElementById(COMPOSER_ID);
      if (!openChatId || !(composer instanceof HTMLTextAreaElement) || composer.disabled) return false;
      // The key's default is prevented, or the "r" itself would be typed into the box that just got focus.
      composer.focus();
    },
  });

  if (!helpLoaded) return null;
  return (
    <Suspense fallback={null}>
      <KeyboardShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Suspense>
  );
}
