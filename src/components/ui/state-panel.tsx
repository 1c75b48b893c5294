import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** The centred icon + title + text + action block used for empty, error and placeholder states. */
export function StatePanel({
  icon,
  title,
  children,
  action,
  tone = 'neutral',
  role,
  className,
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  tone?: 'neutral' | 'danger';
  role?: 'alert' | 'status';
  className?: string;
}) {
  return (
    <div role={role} className={cn('flex flex-col items-center px-8 py-16 text-center', className)}>
      <div
        className={cn(
          'mb-4 flex size-10 items-center justify-center rounded-full border',
          tone === 'danger' ? 'border-danger/25 bg-danger/10 text-danger' : 'border-line bg-raised text-muted',
        )}
      >
        {icon}
      </div>
      <p className="text-[15px] font-semibold text-ink">{title}</p>
      {children ? <div className="mt-1.5 max-w-sm text-sm text-pretty text-muted">{children}</div> : null}
      {action ? <div className="mt-5 flex gap-2">{action}</div> : null}
    </div>
  );
}
