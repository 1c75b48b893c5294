import type { InboxChat } from '@/lib/chats/model';
import { KNOWN_FOLDERS } from './filter-labels';

export interface LoadedStats {
  /** Unread chats per provider among the chats loaded so far (not a server-side total). */
  unreadByProvider: ReadonlyMap<string, number>;
  /** Custom folder names found on the loaded chats, sorted. */
  customFolders: string[];
}

/** One pass over the loaded chats; cheap enough per page (a few ms at 100,000 chats). */
export function loadedStats(chats: readonly InboxChat[]): LoadedStats {
  const unreadByProvider = new Map<string, number>();
  const folders = new Set<string>();
  for (const chat of chats) {
    if (chat.unreadCount > 0) unreadByProvider.set(chat.provider, (unreadByProvider.get(chat.provider) ?? 0) + 1);
    for (const folder of chat.folders) if (!Object.hasOwn(KNOWN_FOLDERS, folder)) folders.add(folder);
  }
  return { unreadByProvider, customFolders: [...folders].sort() };
}

/** `seen` plus whatever of `found` is new; the same array when nothing is, so it can be kept in state. */
export function addFolders(seen: readonly string[], found: readonly string[]): readonly string[] {
  const fresh = found.filter((folder) => !seen.includes(folder));
  return fresh.length === 0 ? seen : [...seen, ...fresh].sort();
}
