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
 * Previews for the rows on screen: once the visible rows have rested PREVIEW_REST_MS, the ones without a fresh preview
 * are asked for in one request (at most one per visible window). Answers go to the query cache under
 * `chatKeys.preview(id)`; the returned number changes when some arrive, so the list re-renders.
 */
export function useRowPreviews(visibleIds: readonly string[]): number {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(0);
  const inFlight = useRef(new Set<string>());
  const windowKey = visibleIds.join('\n');
  const latest = useRef(visibleIds);
  const latestWindow = useRef(windowKey);
  useEffect(() => {
    latest.current = visibleIds;
    latestWindow.current = windowKey;
  });

  // One follow-up for a window whose answer was partial: the pictures, once the server has them.
  const [followUp, setFollowUp] = useState(0);
  useEffect(() => {
    if (windowKey === '') return;
    const timer = window.setTimeout(() => {
      const now = Date.now();
      const wanted = latest.current.filter((id) => !inFlight.current.has(id) && !isFresh(queryClient, id, now)).slice(0, MAX_PREVIEW_IDS);
      if (wanted.length === 0) return;
      for (const id of wanted) inFlight.current.add(id);
      // Not aborted when the window moves on: the answer is kept for when those rows come back.
      fetchPreviews(wanted)
        .then(({ previews }) => {
          for (const preview of previews) queryClient.setQueryData(chatKeys.preview(preview.chatId), preview);
          if (previews.length > 0) setVersion((v) => v + 1);
          if (followUp === 0 && previews.some((p) => p.partial)) {
            const asked = windowKey;
            window.setTimeout(() => {
              if (latestWindow.current === asked) setFollowUp(1);
            }, PARTIAL_RETRY_MS);
          }
        })
        // A preview is a nicety: the row stays as it is, and the next rest asks again.
        .catch(() => undefined)
        .finally(() => {
          for (const id of wanted) inFlight.current.delete(id);
        });
    }, PREVIEW_REST_MS);
    return () => window.clearTimeout(timer);
  }, [windowKey, queryClient, followUp]);
  // A new window starts with its own follow-up to spend.
  const [followedWindow, setFollowedWindow] = useState(windowKey);
  if (followedWindow !== windowKey) {
    setFollowedWindow(windowKey);
    setFollowUp(0);
  }

  return version;
}
