import { folderLabel } from '@/config/folders';
import { providerLabel } from '@/config/providers';
import { KNOWN_FOLDERS as FOLDER_NAMES } from '@/lib/wire/vocabulary';
import type { ChatFilters, ChatView, FilterName } from '@/lib/chats/filters';

/** The folders Unipile names, with their one set of words (config/folders.ts); custom folders keep their own name. */
export const KNOWN_FOLDERS: Readonly<Record<string, string>> = Object.fromEntries(FOLDER_NAMES.map((folder) => [folder, folderLabel(folder)]));

export const folderFilterLabel = folderLabel;

export const VIEW_LABELS: Record<ChatView, string> = { inbox: 'Inbox', archived: 'Archived', all: 'All chats' };

function formatInstant(iso: string): string {
  const d = new Date(iso);
  const midnight = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0;
  return d.toLocaleString(undefined, midnight ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
}

/** Each active filter in words, in the order the bar shows them; `name` is the field a chip's removal clears. */
export function describeFilters(filters: ChatFilters): { name: FilterName; label: string }[] {
  const f = filters;
  const parts: [FilterName, string | undefined][] = [
    ['view', f.view && f.view !== 'inbox' ? VIEW_LABELS[f.view] : undefined],
    ['provider', f.provider && providerLabel(f.provider)],
    ['unread', f.unread === undefined ? undefined : f.unread ? 'Unread' : 'Read'],
    ['folder', f.folder && folderFilterLabel(f.folder)],
    ['pinned', f.pinned ? 'Pinned' : undefined],
    ['muted', f.muted === undefined ? undefined : f.muted ? 'Muted' : 'Not muted'],
    ['q', f.q && `“${f.q}”`],
    ['after', f.after && `Since ${formatInstant(f.after)}`],
    ['before', f.before && `Before ${formatInstant(f.before)}`],
  ];
  return parts.flatMap(([name, label]) => (label ? [{ name, label }] : []));
}

/** The rarer filters, behind "More filters" in the bar. */
export const MORE_FILTERS: readonly FilterName[] = ['view', 'folder', 'pinned', 'muted', 'after', 'before'];

/** How many filters are active, among `names` (every filter by default). */
export function countFilters(filters: ChatFilters, names?: readonly FilterName[]): number {
  return describeFilters(filters).filter((part) => names === undefined || names.includes(part.name)).length;
}

/** What the list shows, for its heading: "Unread · WhatsApp", or the view's name when nothing narrows it. */
export function filterSummary(filters: ChatFilters): string {
  const parts = describeFilters(filters);
  return parts.length > 0 ? parts.map((p) => p.label).join(' · ') : VIEW_LABELS[filters.view ?? 'inbox'];
}
