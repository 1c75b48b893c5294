import { BellOff, ChevronDown, Pin, Search, SlidersHorizontal, TriangleAlert, X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ProviderIcon } from '@/components/ui/provider-icon';
import { providerLabel } from '@/config/providers';
import { ariaKeyShortcuts, keyLabel, keysOf } from '@/config/shortcuts';
import type { Account } from '@/lib/accounts';
import { CHAT_VIEWS, readSearch, type ChatFilters, type ChatView, type InvalidFilter } from '@/lib/chats/filters';
import { MAX_SEARCH_LENGTH } from '@/lib/wire/vocabulary';
import type { InboxChat } from '@/lib/chats/model';
import { cn } from '@/lib/cn';
import { takePendingSearchFocus } from './search-focus';
import { dayToInstant, instantToDay, invalidFilterNotice } from './filter-inputs';
import { describeFilters, folderFilterLabel, KNOWN_FOLDERS, VIEW_LABELS } from './filter-labels';
import { useDraft } from './use-draft';
import { useFilterOptions } from './use-filter-options';

export type FiltersChange = (filters: ChatFilters, options?: { replace?: boolean }) => void;

export interface FilterBarProps {
  filters: ChatFilters;
  /** The account selection (empty = every account): the Provider options are those accounts' providers. */
  accountIds: readonly string[];
  accountsById: ReadonlyMap<string, Account>;
  /** The loaded chats: unread counts per provider and custom folders come from them. */
  chats: readonly InboxChat[];
  invalid: readonly InvalidFilter[];
  onChange: FiltersChange;
  onClear: () => void;
  /** Enter, ↓ or Esc in the search box: focus moves to the list (its first result). */
  onLeaveSearch: () => void;
}

/** Typing in the search box updates the list after this much quiet. */
const SEARCH_DELAY_MS = 250;
/** A date input reports every intermediate value while its year is typed; only a settled one is applied. */
const DATE_DELAY_MS = 400;

const pill = (active: boolean) =>
  cn(
    'relative inline-flex h-7 max-w-full items-center gap-1.5 rounded-md border px-2 text-[13px] font-medium whitespace-nowrap transition-colors',
    active ? 'border-accent/40 bg-accent/10 text-accent' : 'border-line bg-surface text-ink hover:bg-hover',
  );

/** The pill draws the focus ring of the control inside it (which has none of its own). */
const FOCUS_WITHIN = 'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-accent';

/**
 * A native <select> drawn as a compact pill: the select lies transparent over a face that shows the choice in short
 * words (and an icon). The select itself takes clicks and keys, so it stays a plain, accessible select.
 */
function FilterSelect({ label, value, face, icon, onChange, children }: { label: string; value: string; face: string; icon?: ReactNode; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div title={label} className={cn(pill(value !== ''), FOCUS_WITHIN)}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      {icon}
      <span aria-hidden="true" className="truncate">
        {face}
      </span>
      <ChevronDown aria-hidden="true" className="size-3.5 shrink-0 opacity-70" />
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0">
        {children}
      </select>
    </div>
  );
}

function DateFilter({ label, value, onChange }: { label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const id = useId();
  const committed = instantToDay(value);
  const [draft, setDraft] = useDraft(committed, (d) => (d === '' || dayToInstant(d) ? d : committed), (d) => onChange(dayToInstant(d)), DATE_DELAY_MS);
  return (
    <div className={cn(pill(value !== undefined), FOCUS_WITHIN, 'pr-1')}>
      <label htmlFor={id} className="text-muted">
        {label}
      </label>
      <input id={id} type="date" value={draft} onChange={(e) => setDraft(e.target.value)} className="h-6 w-[7.5rem] bg-transparent text-[13px] text-ink outline-none" />
    </div>
  );
}

/** The filter controls above the list. Loaded as its own chunk right after the list (see chat-list.tsx). */
export default function FilterBar({ filters, accountIds, accountsById, chats, invalid, onChange, onClear, onLeaveSearch }: FilterBarProps) {
  const { providers, unreadByProvider, customFolders } = useFilterOptions(accountIds, accountsById, chats);
  const set = (patch: ChatFilters, replace = false) => onChange({ ...filters, ...patch }, { replace });
  const searchRef = useRef<HTMLInputElement>(null);
  // A "/" pressed before this chunk arrived (see search-focus.ts).
  useEffect(() => {
    if (takePendingSearchFocus() && searchRef.current?.offsetParent !== null) searchRef.current?.focus();
  }, []);
  // The first keystroke of a search is a new history entry (Back returns to the list before it); refinements replace it.
  const [search, setSearch, flushSearch] = useDraft(filters.q ?? '', (d) => readSearch(d) ?? '', (q) => set({ q: q || undefined }, filters.q !== undefined), SEARCH_DELAY_MS);

  const [open, setOpen] = useState(false);
  const [datesOpen, setDatesOpen] = useState(false);
  const showDates = datesOpen || filters.after !== undefined || filters.before !== undefined;
  const panelId = useId();
  const datesId = useId();
  const chips = describeFilters(filters);
  const notice = invalidFilterNotice(invalid);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const providerOptions = filters.provider && !providers.includes(filters.provider) ? [...providers, filters.provider] : providers;
  const linkedIn = providerOptions.includes('LINKEDIN');
  const folders = Object.keys(KNOWN_FOLDERS).filter((f) => linkedIn || !f.startsWith('INBOX_LINKEDIN') || f === filters.folder);
  for (const f of [...customFolders, filters.folder]) if (f && !folders.includes(f)) folders.push(f);

  return (
    <div className="flex shrink-0 flex-col gap-2 border-b border-line px-3 py-2">
      {notice && notice !== dismissed ? (
        <div role="status" className="flex items-start gap-2 rounded-md border border-warn/30 bg-warn/10 py-1.5 pr-1 pl-2.5 text-[13px] text-ink">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0 text-warn" />
          <p className="min-w-0 flex-1 break-words">{notice}</p>
          <button type="button" onClick={() => setDismissed(notice)} aria-label="Dismiss notice" className="rounded p-0.5 text-muted hover:bg-hover hover:text-ink">
            <X aria-hidden="true" className="size-3.5" />
          </button>
        </div>
      ) : null}
      <div className="flex items-center gap-2">
        <div className="relative min-w-0 flex-1">
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" />
          <input
            ref={searchRef}
            type="search"
            aria-label="Search chats"
            aria-keyshortcuts={ariaKeyShortcuts(keysOf('search'))}
            placeholder="Search chats"
            maxLength={MAX_SEARCH_LENGTH}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.nativeEvent.isComposing) return;
              // Enter or ↓ goes to the results; Esc empties the box (if it holds text) and goes back to the list.
              if (e.key === 'Enter' || e.key === 'ArrowDown') {
                e.preventDefault();
                flushSearch();
                onLeaveSearch();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                if (search !== '') setSearch('');
                onLeaveSearch();
              }
            }}
            className="h-8 w-full rounded-md border border-line bg-raised pr-8 pl-8 text-sm text-ink placeholder:text-faint"
          />
          {search === '' ? (
            <kbd aria-hidden="true" className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-line px-1.5 font-sans text-[11px] text-faint sm:block">
              {keysOf('search').map(keyLabel)[0]}
            </kbd>
          ) : null}
        </div>
        <Button className="sm:hidden" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          <SlidersHorizontal aria-hidden="true" className="size-4" />
          Filters
          {chips.length > 0 ? (
            <span aria-hidden="true" className="rounded-full bg-accent px-1.5 text-[11px] leading-4 text-accent-ink">
              {chips.length}
            </span>
          ) : null}
        </Button>
      </div>
      {/* Always shown from the small breakpoint up; below it, behind the Filters button. */}
      <div id={panelId} className={cn(open ? 'flex' : 'hidden', 'flex-wrap items-center gap-1.5 sm:flex')}>
        <FilterSelect
          label="Provider"
          value={filters.provider ?? ''}
          face={filters.provider ? providerLabel(filters.provider) : 'All providers'}
          icon={filters.provider ? <ProviderIcon provider={filters.provider} /> : null}
          onChange={(v) => set({ provider: providerOptions.find((p) => p === v) })}
        >
          <option value="">All providers</option>
          {providerOptions.map((p) => {
            const unread = unreadByProvider.get(p) ?? 0;
            return (
              <option key={p} value={p}>
                {unread > 0 ? `${providerLabel(p)} (${unread.toLocaleString()} unread loaded)` : providerLabel(p)}
              </option>
            );
          })}
        </FilterSelect>
        <FilterSelect
          label="Read state"
          value={filters.unread === undefined ? '' : String(filters.unread)}
          face={filters.unread === undefined ? 'Read & unread' : filters.unread ? 'Unread' : 'Read'}
          onChange={(v) => set({ unread: v === '' ? undefined : v === 'true' })}
        >
          <option value="">All</option>
          <option value="true">Unread</option>
          <option value="false">Read</option>
        </FilterSelect>
        <FilterSelect label="Folder" value={filters.folder ?? ''} face={filters.folder ? folderFilterLabel(filters.folder) : 'All folders'} onChange={(v) => set({ folder: v || undefined })}>
          <option value="">All folders</option>
          {folders.map((f) => (
            <option key={f} value={f}>
              {folderFilterLabel(f)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label="View"
          // The default view is a choice like the others here, so the pill reads "Inbox" without looking active.
          value={filters.view && filters.view !== 'inbox' ? filters.view : ''}
          face={VIEW_LABELS[filters.view ?? 'inbox']}
          onChange={(v) => set({ view: CHAT_VIEWS.find((view): view is ChatView => view === v) })}
        >
          <option value="">Inbox</option>
          <option value="archived">Archived</option>
          <option value="all">All chats</option>
        </FilterSelect>
        <button type="button" aria-pressed={filters.pinned === true} onClick={() => set({ pinned: filters.pinned ? undefined : true })} className={pill(filters.pinned === true)}>
          <Pin aria-hidden="true" className="size-3.5" />
          Pinned
        </button>
        {/* Muted only; "not muted" (muted=false) is reachable by link and shows as a chip. */}
        <button type="button" aria-pressed={filters.muted === true} onClick={() => set({ muted: filters.muted === true ? undefined : true })} className={pill(filters.muted === true)}>
          <BellOff aria-hidden="true" className="size-3.5" />
          Muted
        </button>
        {/* Dates are used less: folded away until asked for (or set). */}
        <button type="button" aria-expanded={showDates} aria-controls={datesId} onClick={() => setDatesOpen(!showDates)} className={pill(false)}>
          Dates
          <ChevronDown aria-hidden="true" className={cn('size-3.5 opacity-70', showDates && 'rotate-180')} />
        </button>
        {showDates ? (
          <div id={datesId} className="flex basis-full flex-wrap gap-1.5">
            <DateFilter label="Since" value={filters.after} onChange={(after) => set({ after })} />
            <DateFilter label="Before" value={filters.before} onChange={(before) => set({ before })} />
          </div>
        ) : null}
      </div>
      {chips.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5">
          {chips.map((chip) => (
            <button
              key={chip.name}
              type="button"
              onClick={() => set({ [chip.name]: undefined })}
              className="inline-flex h-6 max-w-full items-center gap-1 rounded-full border border-line bg-raised pr-1.5 pl-2.5 text-xs font-medium text-ink hover:bg-hover"
            >
              <span className="sr-only">Remove filter: </span>
              <span className="truncate">{chip.label}</span>
              <X aria-hidden="true" className="size-3 shrink-0 text-muted" />
            </button>
          ))}
          <Button variant="ghost" size="xs" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      ) : null}
    </div>
  );
}
