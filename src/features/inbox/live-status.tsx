import { CloudOff } from 'lucide-react';
import { useLiveStatus } from '@/lib/live/status-store';

/**
 * The quiet note while the live stream is down (the list polls its first page meanwhile, see lib/live): nothing while
 * live or still connecting, so a normal start shows nothing.
 */
export function LiveStatus() {
  const status = useLiveStatus((s) => s.status);
  return (
    // data-state says where the stream stands (tests wait for "live" before they deliver an event).
    <p role="status" data-state={status} className="flex min-h-0 items-center gap-1.5 text-[12px] text-muted empty:hidden">
      {status === 'paused' ? (
        <>
          <CloudOff className="size-3.5 shrink-0" aria-hidden="true" />
          Live updates paused, retrying
        </>
      ) : null}
    </p>
  );
}
