import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/**
 * An icon-only control with a visible tooltip under it, on hover (after a short delay) and on keyboard focus, not only
 * the title attribute's native one (which never shows on focus). `children` is the control: it must carry the `peer`
 * class and `aria-describedby={id}` (the tooltip says the shortcut; the control's own name stays as it is).
 */
export function WithTooltip({ id, text, children, className }: { id: string; text: string; children: ReactNode; className?: string }) {
  return (
    <span className={cn('relative inline-flex', className)}>
      {children}
      <span
        id={id}
        role="tooltip"
        className={cn(
          'pointer-events-none invisible absolute top-full right-0 z-30 mt-1.5 rounded-md bg-ink px-2 py-1 text-xs font-medium whitespace-nowrap text-surface opacity-0 shadow-pane',
          'transition-[opacity,visibility] duration-100 peer-hover:visible peer-hover:opacity-100 peer-hover:delay-200',
          'peer-focus-visible:visible peer-focus-visible:opacity-100 peer-focus-visible:delay-0',
        )}
      >
        {text}
      </span>
    </span>
  );
}
