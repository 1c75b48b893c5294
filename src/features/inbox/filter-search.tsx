import { Search } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { ariaKeyShortcuts, keyLabel, keysOf } from '@/config/shortcuts';
import { readSearch } from '@/lib/chats/filters';
import { MAX_SEARCH_LENGTH } from '@/lib/wire/vocabulary';
import { takePendingSearchFocus } from './search-focus';
import { useDraft } from './use-draft';

/** Typing in the search box updates the list after this much quiet. */
const SEARCH_DELAY_MS = 250;

export interface FilterSearchProps {
  q: string | undefined;
  /** `replace`: a refinement of a search already in the URL (one history step per search, not per keystroke). */
  onSearch: (q: string | undefined, replace: boolean) => void;
  /** Enter, ↓ or Esc: focus moves to the list (its first result). */
  onLeave: () => void;
}

/** The name search of the filter bar; its text is where an active search shows (no chip repeats it). */
export function FilterSearch({ q, onSearch, onLeave }: FilterSearchProps) {
  const ref = useRef<HTMLInputElement>(null);
  // A "/" pressed before this chunk arrived (see search-focus.ts).
  useEffect(() => {
    if (takePendingSearchFocus() && ref.current?.offsetParent !== null) ref.current?.focus();
  }, []);
  const [search, setSearch, flushSearch] = useDraft(q ?? '', (d) => readSearch(d) ?? '', (next) => onSearch(next || undefined, q !== undefined), SEARCH_DELAY_MS);

  return (
    // A container: the "/" hint shows only where the box has room for it beside its placeholder.
    <div className="@container relative min-w-0 flex-1">
      <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" />
      <input
        ref={ref}
        type="search"
        aria-label="Search chats"
        aria-keyshortcuts={ariaKeyShortcuts(keysOf('search'))}
        placeholder="Search"
        maxLength={MAX_SEARCH_LENGTH}
        value={search}
        data-active={q !== undefined}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          // Enter or ↓ goes to the results; Esc empties the box (if it holds text) and goes back to the list.
          if (e.key === 'Enter' || e.key === 'ArrowDown') {
            e.preventDefault();
            flushSearch();
            onLeave();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            if (search !== '') setSearch('');
            onLeave();
          }
        }}
        className="h-8 w-full rounded-md border border-line bg-raised pr-2 pl-8 text-sm text-ink placeholder:text-faint data-[active=true]:border-accent/40 @[8rem]:pr-8"
      />
      {search === '' ? (
        <kbd aria-hidden="true" className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-line px-1.5 font-sans text-[11px] text-faint @[8rem]:block">
          {keysOf('search').map(keyLabel)[0]}
        </kbd>
      ) : null}
    </div>
  );
}
