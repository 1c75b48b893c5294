import { SlidersHorizontal } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { CHAT_VIEWS, hasActiveFilters, type ChatFilters, type ChatView } from '@/lib/chats/filters';
import { cn } from '@/lib/cn';
import { DateField, FilterSelect, pillClass } from './filter-controls';
import { countFilters, folderFilterLabel, MORE_FILTERS, VIEW_LABELS } from './filter-labels';

export interface MoreFiltersProps {
  filters: ChatFilters;
  /** The folders offered (known ones for the accounts shown, custom ones once seen, the current one). */
  folders: readonly string[];
  onSet: (patch: ChatFilters) => void;
  onClear: () => void;
}

/**
 * The rarer filters. From the small breakpoint up: a button (with the number of them active) that opens a popover
 * under the bar; Esc closes it and gives focus back to the button, as do a click or a Tab outside it (without
 * moving focus). Below it, the popover's content is shown flat in the phone's Filters panel and the button is hidden.
 */
export function MoreFilters({ filters, folders, onSet, onClear }: MoreFiltersProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const datesId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const count = countFilters(filters, MORE_FILTERS);
  const inside = (node: unknown) => node instanceof Node && (panelRef.current?.contains(node) === true || buttonRef.current?.contains(node) === true);

  // A click elsewhere closes it. (The popup of a native select or date picker sends no pointer event to the page.)
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node && (panelRef.current?.contains(event.target) || buttonRef.current?.contains(event.target)))) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Handled here, so the page's Esc (clear the selection, close the chat) does not also run.
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };
  // Tab past the last control (or Shift+Tab before the button) leaves the popover: it closes. A click on a
  // non-focusable part of it moves focus to nothing (relatedTarget null), which is not leaving.
  const onBlur = (event: FocusEvent) => {
    if (open && event.relatedTarget !== null && !inside(event.relatedTarget)) setOpen(false);
  };

  return (
    <div className="contents" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={count > 0 ? `More filters, ${count} active` : 'More filters'}
        title="More filters"
        data-active={count > 0}
        onClick={() => setOpen(!open)}
        className={cn(pillClass(count > 0), 'hidden sm:inline-flex')}
      >
        <SlidersHorizontal aria-hidden="true" className="size-3.5" />
        {/* Words where the row has room (a full-width list); in the 420 px pane beside a chat, the icon and tooltip. */}
        <span className="hidden @[34rem]/bar:inline">More</span>
        {count > 0 ? (
          <span aria-hidden="true" className="rounded-full bg-accent px-1.5 text-[11px] leading-4 text-accent-ink tabular-nums">
            {count}
          </span>
        ) : null}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        role="group"
        aria-label="More filters"
        className={cn(
          'grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-2',
          'sm:absolute sm:top-full sm:right-3 sm:z-30 sm:mt-1 sm:w-72 sm:rounded-lg sm:border sm:border-line sm:bg-surface sm:p-3 sm:shadow-lg',
          !open && 'sm:hidden',
        )}
      >
        <FilterSelect
          layout="field"
          label="View"
          // The default view is a choice like the others, so it reads "Inbox" without looking active.
          value={filters.view && filters.view !== 'inbox' ? filters.view : ''}
          face={VIEW_LABELS[filters.view ?? 'inbox']}
          onChange={(v) => onSet({ view: CHAT_VIEWS.find((view): view is ChatView => view === v) })}
        >
          <option value="">Inbox</option>
          <option value="archived">Archived</option>
          <option value="all">All chats</option>
        </FilterSelect>
        <FilterSelect layout="field" label="Folder" value={filters.folder ?? ''} face={filters.folder ? folderFilterLabel(filters.folder) : 'All folders'} onChange={(v) => onSet({ folder: v || undefined })}>
          <option value="">All folders</option>
          {folders.map((f) => (
            <option key={f} value={f}>
              {folderFilterLabel(f)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect layout="field" label="Pinned" value={filters.pinned ? 'true' : ''} face={filters.pinned ? 'Pinned only' : 'Any'} onChange={(v) => onSet({ pinned: v === 'true' || undefined })}>
          <option value="">Any</option>
          <option value="true">Pinned only</option>
        </FilterSelect>
        <FilterSelect
          layout="field"
          label="Muted"
          value={filters.muted === undefined ? '' : String(filters.muted)}
          face={filters.muted === undefined ? 'Any' : filters.muted ? 'Muted only' : 'Not muted'}
          onChange={(v) => onSet({ muted: v === '' ? undefined : v === 'true' })}
        >
          <option value="">Any</option>
          <option value="true">Muted only</option>
          <option value="false">Not muted</option>
        </FilterSelect>
        <div role="group" aria-labelledby={datesId} className="col-span-2 grid grid-cols-subgrid items-center gap-y-2">
          <p id={datesId} className="col-span-2 pt-1 text-xs font-medium text-faint">
            Last activity
          </p>
          <DateField label="Since" value={filters.after} onChange={(after) => onSet({ after })} />
          <DateField label="Before" value={filters.before} onChange={(before) => onSet({ before })} />
        </div>
        {hasActiveFilters(filters) ? (
          <div className="col-span-2 flex justify-end border-t border-line pt-2">
            <Button
              variant="ghost"
              size="xs"
              onClick={() => {
                // The button goes away with the filters: focus goes back where the popover came from.
                onClear();
                setOpen(false);
                buttonRef.current?.focus();
              }}
            >
              Clear filters
            </Button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
