import { useEffect, useRef, useState } from 'react';

/**
 * A text field over a committed value (the URL's): what is typed is committed after `delayMs` of quiet, and a change
 * of the committed value from elsewhere (back, a chip, Clear filters) replaces the text. `settle` maps the text to
 * the value it would commit, so a commit of our own (e.g. trimmed) never overwrites what is still being typed.
 */
export function useDraft(committed: string, settle: (draft: string) => string, commit: (value: string) => void, delayMs: number) {
  const [draft, setDraft] = useState(committed);
  const [synced, setSynced] = useState(committed);
  if (committed !== synced) {
    setSynced(committed);
    if (settle(draft) !== committed) setDraft(committed);
  }
  const latest = useRef({ settle, commit });
  useEffect(() => {
    latest.current = { settle, commit };
  });
  const pending = settle(draft) !== committed;
  useEffect(() => {
    if (!pending) return;
    const id = window.setTimeout(() => latest.current.commit(latest.current.settle(draft)), delayMs);
    return () => window.clearTimeout(id);
  }, [draft, pending, delayMs]);
  // Enter in a search box: commit what is typed now instead of after the quiet delay.
  const flush = () => {
    if (pending) latest.current.commit(latest.current.settle(draft));
  };
  return [draft, setDraft, flush] as const;
}
