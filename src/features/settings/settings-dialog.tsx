import { X } from 'lucide-react';
import { useId } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { PaneErrorBoundary } from '@/components/ui/error-boundary';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { accountKeys } from '@/lib/accounts';
import { appConfigKeys } from '@/lib/app-config';
import { useUiStore } from '@/lib/ui-store';
import { AccountsSection } from './accounts-section';
import { ConnectionSection } from './connection-section';
import { DisplaySection } from './display-section';
import { SETTINGS_BUTTON_ID } from './settings-button-id';
import { keyLabel, keysOf } from '@/config/shortcuts';

const settingsButton = () => document.getElementById(SETTINGS_BUTTON_ID);

/** The settings drawer: a modal on the right (full screen on a phone), opened from the header or with `,`. */
function SettingsDialog() {
  const headingId = useId();
  const open = useUiStore((state) => state.settingsOpen);
  const closeSettings = useUiStore((state) => state.closeSettings);
  const queryClient = useQueryClient();
  // Reset fetches what the panel shows afresh, in case its data is what made it fail.
  const resetSettingsData = () => {
    void queryClient.resetQueries({ queryKey: accountKeys.all });
    void queryClient.resetQueries({ queryKey: appConfigKeys.all });
  };
  return (
    <ModalDialog
      open={open}
      onClose={closeSettings}
      labelledBy={headingId}
      fallbackFocus={settingsButton}
      className="m-0 ml-auto h-dvh max-h-dvh w-full max-w-[28rem] border-l border-line shadow-pane sm:w-[28rem]"
    >
      {/* Mounted only while open: the panel reads fresh settings each time, and an unfinished page size is dropped. */}
      {open ? (
        <div className="flex h-full flex-col">
          <header className="flex shrink-0 items-center justify-between border-b border-line px-5 py-3">
            <h2 id={headingId} className="text-base font-semibold text-ink">
              Settings
            </h2>
            <Button variant="ghost" size="icon" aria-label="Close settings" onClick={closeSettings}>
              <X aria-hidden="true" className="size-4" />
            </Button>
          </header>
          <PaneErrorBoundary name="Settings" onReset={resetSettingsData}>
            <div className="min-h-0 flex-1 space-y-8 overflow-y-auto overscroll-contain px-5 py-5">
              <AccountsSection />
              <DisplaySection />
              <ConnectionSection />
            </div>
          </PaneErrorBoundary>
          <footer className="flex shrink-0 items-center justify-between gap-3 border-t border-line px-5 py-3">
            {/* A keyboard hint: phones have no "," key to spare, so it shows from the small-tablet width up. */}
            <p className="text-[13px] text-faint max-sm:invisible">
              Press <kbd className="rounded border border-line bg-raised px-1 font-sans">{keysOf('settings').map(keyLabel).join(' or ')}</kbd> to open settings.
            </p>
            <Button variant="primary" onClick={closeSettings}>
              Done
            </Button>
          </footer>
        </div>
      ) : null}
    </ModalDialog>
  );
}

export default SettingsDialog;
