import type { CSSProperties } from 'react';
import { providerMeta } from '@/config/providers';
import { cn } from '@/lib/cn';

/** The provider's mark in its colour; decorative, because the row's accessible name states the provider. */
export function ProviderIcon({ provider, className }: { provider: string; className?: string }) {
  const meta = providerMeta(provider);
  const Icon = meta.icon;
  const style = { '--provider': meta.color, '--provider-dark': meta.darkColor } as CSSProperties;
  return <Icon aria-hidden="true" strokeWidth={2.25} className={cn('provider-icon size-3.5 shrink-0', className)} style={style} />;
}
