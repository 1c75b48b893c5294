import { SlidersHorizontal, TriangleAlert, X } from 'lucide-react';
import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ProviderIcon } from '@/components/ui/provider-icon';
import { providerLabel } from '@/config/providers';
import type { Account } from '@/lib/accounts';
import type { ChatFilters, InvalidFilter } from '@/lib/chats/filters';
import type { InboxChat } from '@/lib/chats/model';
import { cn } from '@/lib/cn';
import { FilterSelect } from './filter-controls';
import { invalidFilterNotice } from './filter-inputs';
import { countFilters, KNOWN_FOLDERS } from './filter-labels';
import { MoreFilters } from './filter-more';
import { FilterSearch } from './filter-search';
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

/** Every filter but the search, whose box shows it anyway: what the phone's Filters button counts. */
const BEHIND_FILTERS_BUTTON = ['view', 'provider', 'unread', 'folder', 'pinned', 'muted', 'after', 'before'] as const;

/**
 * The filter controls above the list, in one row from the small breakpoint up (the list pane is 420 px wide on a
 * desktop): the search box, the most used filters, then "More" for the rest. Each active filter shows once, as its
 * highlighted control, so setting one never changes the bar's height. Below the small breakpoint everything but the
 * search box folds behind one Filters button. Loaded as its own chunk right after the list (see chat-list.tsx).
 */
export default function FilterBar({ filters, accountIds, accountsById, chats, invalid, onChange, onClear, onLeaveSearch }: FilterBarProps) {
  const { providers, unreadByProvider, customFolders } = useFilterOptions(accountIds, accountsById, chats);
  const set = (patch: ChatFilters, replace = false) => onChange({ ...filters, ...patch }, { replace });

  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggleId = useId();
  const folded = countFilters(filters, BEHIND_FILTERS_BUTTON);
  const notice = invalidFilterNotice(invalid);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const providerOptions = filters.provider && !providers.includes(filters.provider) ? [...providers, filters.provider] : providers;
  const linkedIn = providerOptions.includes('LINKEDIN');
  const folders = Object.keys(KNOWN_FOLDERS).filter((f) => linkedIn || !f.startsWith('INBOX_LINKEDIN') || f === filters.folder);
  for (const f of [...customFolders, filters.folder]) if (f && !folders.includes(f)) folders.push(f);

  // Esc in the phone's open Filters panel folds it and gives focus back to its button (which is hidden from sm up).
  const onPanelKeyDown = (event: KeyboardEvent) => {
    const toggle = document.getElementById(toggleId);
    if (event.key !== 'Escape' || !open || !toggle || toggle.offsetParent === null) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    toggle.focus();
  };

  return (
    <div className="relative flex shrink-0 flex-col gap-2 border-b border-line px-3 py-2">
      {notice && notice !== dismissed ? (
        <div role="status" className="flex items-start gap-2 rounded-md border border-warn/30 bg-warn/10 py-1.5 pr-1 pl-2.5 text-[13px] text-ink">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0 text-warn" />
          <p className="min-w-0 flex-1 break-words">{notice}</p>
          <button type="button" onClick={() => setDismissed(notice)} aria-label="Dismiss notice" className="rounded p-0.5 text-muted hover:bg-hover hover:text-ink">
            <X aria-hidden="true" className="size-3.5" />
          </button>
        </div>
      ) : null}
      <div className="@container/bar flex flex-wrap items-center gap-x-1.5 gap-y-2 sm:flex-nowrap">
        <FilterSearch q={filters.q} onSearch={(q, replace) => set({ q }, replace)} onLeave={onLeaveSearch} />
        <Button id={toggleId} className="sm:hidden" aria-label={folded > 0 ? `Filters, ${folded} active` : 'Filters'} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          <SlidersHorizontal aria-hidden="true" className="size-4" />
          Filters
          {folded > 0 ? (
            <span aria-hidden="true" className="rounded-full bg-accent px-1.5 text-[11px] leading-4 text-accent-ink tabular-nums">
              {folded}
            </span>
          ) : null}
        </Button>
        {/* In the row from sm up (display: contents); below it, a panel under the search box, behind Filters. */}
        <div id={panelId} onKeyDown={onPanelKeyDown} className={cn(open ? 'flex' : 'hidden', 'basis-full flex-col gap-3 pb-1 sm:contents')}>
          <div className="flex flex-wrap items-center gap-1.5 sm:contents">
            <FilterSelect
              label="Provider"
              value={filters.provider ?? ''}
              face={filters.provider ? providerLabel(filters.provider) : 'Provider'}
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
              face={filters.unread === undefined ? 'Read state' : filters.unread ? 'Unread' : 'Read'}
              onChange={(v) => set({ unread: v === '' ? undefined : v === 'true' })}
            >
              <option value="">Read & unread</option>
              <option value="true">Unread</option>
              <option value="false">Read</option>
            </FilterSelect>
          </div>
          <MoreFilters filters={filters} folders={folders} onSet={(patch) => set(patch)} onClear={onClear} />
        </div>
      </div>
    </div>
  );
}
