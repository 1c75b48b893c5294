import { cn } from '@/lib/cn';

/** Bubble widths of the placeholder conversation, theirs and mine alternating as a real one does. */
const BUBBLES: readonly { mine: boolean; width: string; lines: number }[] = [
  { mine: false, width: 'w-48', lines: 1 },
  { mine: false, width: 'w-64', lines: 2 },
  { mine: true, width: 'w-40', lines: 1 },
  { mine: false, width: 'w-56', lines: 1 },
  { mine: true, width: 'w-72', lines: 2 },
  { mine: false, width: 'w-36', lines: 1 },
];

/**
 * Messages to come, shaped like message rows (avatar, bubble, time) and sitting at the bottom by the reply box where
 * the newest ones will appear. In the initial chunk (the chat pane's own fallback uses it): no heavy imports.
 */
export function MessageSkeleton({ label = 'Loading messages', status = null }: { label?: string; status?: string | null }) {
  return (
    <div role="status" aria-label={label} aria-live="polite" className="relative flex min-h-0 flex-1 flex-col overflow-hidden bg-canvas/60">
      {status ? (
        <p className="absolute inset-x-0 top-2 z-10 mx-auto w-fit rounded-full border border-line bg-surface px-3 py-1 text-xs text-muted shadow-pane">{status}</p>
      ) : (
        <span className="sr-only">{label}…</span>
      )}
      <div aria-hidden="true" className="mt-auto flex flex-col pt-2 pb-4 motion-safe:animate-pulse">
        {BUBBLES.map((bubble, i) => (
          <div key={i} className={cn('flex gap-2 px-4 pt-3', bubble.mine ? 'justify-end' : 'justify-start')}>
            {bubble.mine ? null : <span className="mt-auto mb-5 size-7 shrink-0 rounded-full bg-hover" />}
            <div className={cn('flex flex-col gap-1', bubble.mine ? 'items-end' : 'items-start')}>
              <span
                className={cn(
                  'block max-w-[70vw] rounded-2xl',
                  bubble.lines > 1 ? 'h-14' : 'h-9',
                  bubble.mine ? 'rounded-br-md bg-accent/15' : 'rounded-bl-md border border-line bg-surface',
                  bubble.width,
                )}
              />
              <span className="mx-1 h-2 w-10 rounded bg-hover/80" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
