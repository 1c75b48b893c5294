import { lazy, Suspense, useState } from 'react';
import { useUiStore } from '@/lib/ui-store';

const SettingsDialog = lazy(() => import('./settings-dialog'));

/**
 * The settings panel is code-split: nobody needs it to read the inbox, and the first download has a budget. It is
 * fetched the first time Settings opens (button or `,`), then stays mounted so later openings are instant.
 */
export function SettingsDialogLoader() {
  const open = useUiStore((state) => state.settingsOpen);
  const [wanted, setWanted] = useState(open);
  if (open && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <SettingsDialog />
    </Suspense>
  );
}
