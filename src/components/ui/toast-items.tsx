import { CircleAlert, Info, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { cn } from '@/lib/cn';
import { repeatSuffix, type Toast } from '@/lib/toast-store';

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.durationMs);
  const { revision, durationMs } = toast;

  // A repeat of the same toast (same key) is news: its countdown starts over. (Runs before the countdown below.)
  useEffect(() => {
    remaining.current = durationMs;
  }, [revision, durationMs]);

  // The countdown pauses while the person points at or tabs into the toast, so an Undo stays reachable.
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const id = window.setTimeout(() => onDismiss(toast.id), remaining.current);
    return () => {
      window.clearTimeout(id);
      remaining.current = Math.max(1_000, remaining.current - (Date.now() - started));
    };
  }, [paused, toast.id, revision, onDismiss]);

  const Icon = toast.tone === 'error' ? CircleAlert : Info;
  return (
    <div
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cn(
        'pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-card border bg-surface px-3.5 py-3 text-sm shadow-pane',
        toast.tone === 'error' ? 'border-danger/40' : 'border-line',
      )}
    >
      <Icon aria-hidden="true" className={cn('mt-0.5 size-4 shrink-0', toast.tone === 'error' ? 'text-danger' : 'text-accent')} />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-ink [overflow-wrap:anywhere]">
          {toast.title}
          {toast.count > 1 ? (
            <>
              <span aria-hidden="true" className="font-normal text-muted tabular-nums">
                {repeatSuffix(toast.count)}
              </span>
              <span className="sr-only">{`, ${toast.count} times`}</span>
            </>
          ) : null}
        </p>
        {toast.message ? <p className="mt-0.5 text-muted [overflow-wrap:anywhere]">{toast.message}</p> : null}
      </div>
      {toast.action ? (
        <button
          type="button"
          className="shrink-0 rounded-md px-2 py-1 text-sm font-semibold text-accent hover:bg-accent/10"
          onClick={() => {
            onDismiss(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        aria-label="Dismiss notification"
        className="-mr-1 flex size-6 shrink-0 items-center justify-center rounded text-faint hover:bg-hover hover:text-ink"
        onClick={() => onDismiss(toast.id)}
      >
        <X aria-hidden="true" className="size-3.5" />
      </button>
    </div>
  );
}

/** The toasts themselves; loaded with the first one (see ToastRegion). */
export function ToastItems({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss: (id: number) => void }) {
  return toasts.map((toast) => <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />);
}
