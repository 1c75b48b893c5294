import { useEffect, useId, useRef, useState } from 'react';
import { cn } from '@/lib/cn';
import { PAGE_SIZE_MAX, PAGE_SIZE_MIN, parsePageSize } from './settings-store';
import { selectPageSize, useSettings } from './use-settings';

/** Typing "250" passes through "2" and "25": wait for a pause before a valid value changes the list. */
const COMMIT_DELAY_MS = 500;

/** Chats per request. Checked as the person types; only a valid value ever reaches the store. */
export function PageSizeField() {
  const id = useId();
  const stored = useSettings(selectPageSize);
  const setPageSize = useSettings((state) => state.setPageSize);
  const [draft, setDraft] = useState(() => String(stored));
  const parsed = parsePageSize(draft);
  const valid = parsed.ok ? parsed.value : null;

  // The value waiting for the pause; committed early on blur, Enter, or when the panel closes.
  const pending = useRef<number | null>(null);
  const commit = () => {
    if (pending.current !== null) setPageSize(pending.current);
    pending.current = null;
  };
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  useEffect(() => {
    if (valid === null || valid === stored) {
      pending.current = null;
      return;
    }
    pending.current = valid;
    const timer = window.setTimeout(() => commitRef.current(), COMMIT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [valid, stored]);

  useEffect(() => () => commitRef.current(), []);

  return (
    <div>
      <label htmlFor={`${id}-input`} className="text-sm font-medium text-ink">
        Page size
      </label>
      <p id={`${id}-hint`} className="mt-0.5 text-[13px] text-muted">
        Chats loaded per request, from {PAGE_SIZE_MIN} to {PAGE_SIZE_MAX}.
      </p>
      <input
        id={`${id}-input`}
        type="number"
        inputMode="numeric"
        min={PAGE_SIZE_MIN}
        max={PAGE_SIZE_MAX}
        step={1}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
        aria-invalid={!parsed.ok}
        aria-describedby={parsed.ok ? `${id}-hint` : `${id}-hint ${id}-error`}
        className={cn(
          'mt-2 h-8 w-28 rounded-md border bg-surface px-2.5 text-sm text-ink tabular-nums shadow-sm',
          parsed.ok ? 'border-line' : 'border-danger',
        )}
      />
      {/* Always in the DOM so screen readers announce the message when it appears. */}
      <p id={`${id}-error`} role="alert" className="mt-1.5 min-h-[1.25rem] text-[13px] font-medium text-danger">
        {parsed.ok ? '' : parsed.message}
      </p>
    </div>
  );
}
