import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { chatKeys } from '@/lib/chats/keys';
import type { InboxChat } from '@/lib/chats/model';
import { displayNameOf, fetchPreviews, previewLine, type ChatPreview } from '@/lib/chats/previews';
import { MAX_PREVIEW_IDS } from '@/lib/wire/preview-wire';
import type { RowPreview } from './chat-row';

/** A row earns its preview by staying on screen this long: rows scrolled past quickly cost nothing. */
export const PREVIEW_REST_MS = 150;
/** A chat's preview is asked for at most once in this long (live updates refresh it sooner). */
export const PREVIEW_FRESH_MS = 5 * 60_000;
/** Requests are at least this far apart: rows that come due meanwhile go together in the next one. */
export const PREVIEW_BATCH_GAP_MS = 300;
/** A partial preview (its picture still being looked up on the server) is asked for once more after this long. */
export const PARTIAL_RETRY_MS = 1_000;

function isFresh(queryClient: QueryClient, chatId: string, now: number): boolean {
  const state = queryClient.getQueryState<ChatPreview>(chatKeys.preview(chatId));
  if (state?.data === undefined) return false;
  return now - state.dataUpdatedAt < (state.data.partial ? PARTIAL_RETRY_MS : PREVIEW_FRESH_MS);
}

/** The chat's preview from the cache (the header, the palette and the tab title read the same entry). */
export function cachedPreview(queryClient: QueryClient, chatId: string): ChatPreview | undefined {
  return queryClient.getQueryData<ChatPreview>(chatKeys.preview(chatId));
}

// One RowPreview per preview and chat name, so memoized rows keep their props between list renders.
const rowPreviews = new WeakMap<ChatPreview, { chat: InboxChat; row: RowPreview }>();

export function rowPreviewOf(chat: InboxChat, preview: ChatPreview | undefined): RowPreview | undefined {
  if (!preview) return undefined;
  const known = rowPreviews.get(preview);
  if (known && known.chat === chat) return known.row;
  const row: RowPreview = { line: previewLine(preview, chat.kind), name: displayNameOf(chat, preview), picture: preview.pictureSrc };
  rowPreviews.set(preview, { chat, row });
  return row;
}

/**
 * Previews for the rows on screen: each row earns its preview once it has stayed on screen PREVIEW_REST_MS (a row
 * scrolled past quickly costs nothing, one that stays gets it even while others scroll by); the rows due are asked for
 * together, one request at a time. A partial answer (its picture still being looked up) is asked for once more
 * PARTIAL_RETRY_MS later. Answers go to the query cache under `chatKeys.preview(id)`; the returned number changes
 * when some arrive, so the list re-renders.
 */
export function useRowPreviews(visibleIds: readonly string[]): number {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(0);
  const windowKey = visibleIds.join('\n');
  const latest = useRef(visibleIds);
  useEffect(() => {
    latest.current = visibleIds;
  });
  const state = useRef({ firstSeen: new Map<string, number>(), retried: new Set<string>(), inFlight: false, timer: 0, lastAsked: 0 });

  useEffect(() => {
    const s = state.current;
    /** When a row is due: PREVIEW_REST_MS after it came on screen, or a partial one's retry; null when not due. */
    const dueAt = (id: string, seenAt: number): number | null => {
      const cached = queryClient.getQueryState<ChatPreview>(chatKeys.preview(id));
      if (cached?.data === undefined) return seenAt + PREVIEW_REST_MS;
      if (cached.data.partial && !s.retried.has(id)) return Math.max(seenAt + PREVIEW_REST_MS, cached.dataUpdatedAt + PARTIAL_RETRY_MS);
      return isFresh(queryClient, id, Date.now()) ? null : seenAt + PREVIEW_REST_MS;
    };
    const schedule = () => {
      window.clearTimeout(s.timer);
      if (s.inFlight) return;
      let next = Infinity;
      for (const [id, seenAt] of s.firstSeen) next = Math.min(next, dueAt(id, seenAt) ?? Infinity);
      if (next === Infinity) return;
      s.timer = window.setTimeout(ask, Math.max(0, next - Date.now(), s.lastAsked + PREVIEW_BATCH_GAP_MS - Date.now()));
    };
    const ask = () => {
      const now = Date.now();
      const due = [...s.firstSeen].filter(([id, seenAt]) => (dueAt(id, seenAt) ?? Infinity) <= now).map(([id]) => id).slice(0, MAX_PREVIEW_IDS);
      if (due.length === 0) return schedule();
      for (const id of due) if (queryClient.getQueryData<ChatPreview>(chatKeys.preview(id))?.partial) s.retried.add(id);
      s.inFlight = true;
      s.lastAsked = now;
      // Not aborted when the rows leave: the answer is kept for when they come back.
      fetchPreviews(due)
        .then(({ previews }) => {
          for (const preview of previews) {
            const key = chatKeys.preview(preview.chatId);
            // Something newer came meanwhile (a reply sent, a live message): the answer to an older question loses.
            if ((queryClient.getQueryState(key)?.dataUpdatedAt ?? 0) > now) continue;
            queryClient.setQueryData(key, preview);
          }
          if (previews.length > 0) setVersion((v) => v + 1);
        })
        // A preview is a nicety: the row stays as it is, and is asked for again when it next rests on screen.
        .catch(() => undefined)
        .finally(() => {
          s.inFlight = false;
          schedule();
        });
    };
    const now = Date.now();
    const visible = new Set(latest.current);
    for (const id of [...s.firstSeen.keys()]) if (!visible.has(id)) s.firstSeen.delete(id);
    for (const id of visible) if (!s.firstSeen.has(id)) s.firstSeen.set(id, now);
    schedule();
  }, [windowKey, queryClient]);

  useEffect(() => {
    const s = state.current;
    return () => window.clearTimeout(s.timer);
  }, []);

  return version;
}
