import { useQuery } from '@tanstack/react-query';
import { Settings } from 'lucide-react';
import { Link } from 'wouter';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SETTINGS_BUTTON_ID } from '@/features/settings';
import { appConfigQueryOptions } from '@/lib/app-config';
import { useUiStore } from '@/lib/ui-store';
import { Logo } from './logo';
import { ariaKeyShortcuts, keysOf } from '@/config/shortcuts';

function SimulatorBadge() {
  const config = useQuery(appConfigQueryOptions());
  if (!config.data?.backends.some((b) => b.simulated)) return null;
  return (
    <Badge tone="warn" title="Demo data from the embedded simulator" className="cursor-help">
      Simulator
      <span className="sr-only">: demo data from the embedded simulator</span>
    </Badge>
  );
}

/** Product name, backend badge and the Settings entry point (the dialog itself comes with the settings feature). */
export function AppHeader({ homeHref }: { homeHref: string }) {
  const openSettings = useUiStore((state) => state.openSettings);
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-line bg-surface px-4">
      <Link href={homeHref} className="flex items-center gap-2 rounded-md">
        <Logo className="size-6" />
        <h1 className="text-[15px] font-semibold tracking-tight text-ink">Triage</h1>
      </Link>
      <SimulatorBadge />
      <div className="ml-auto flex items-center gap-1">
        <Button id={SETTINGS_BUTTON_ID} variant="ghost" size="md" onClick={openSettings} aria-haspopup="dialog" aria-keyshortcuts={ariaKeyShortcuts(keysOf('settings'))}>
          <Settings aria-hidden="true" className="size-4" />
          Settings
        </Button>
      </div>
    </header>
  );
}
