import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ChatListView } from '@/lib/chats/list-pages';

/**
 * Scroll anchoring for the virtualized list: rows are placed by transform, so the browser's own anchoring never sees
 * a row inserted above the viewport (a live message moving a chat to the top). The first visible row is followed by
 * id and the scroll moves by the rows inserted or removed above it, before paint. At the very top nothing moves: the
 * new row shows there.
 */
export function useScrollAnchor(scrollRef: RefObject<HTMLElement | null>, view: ChatListView, rowHeight: number): void {
  const { chats } = view;
  const anchor = useRef<{ chats: readonly unknown[]; id: string; index: number } | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const previous = anchor.current;
    if (previous && previous.chats !== chats && el.scrollTop > 0) {
      const index = view.indexOf(previous.id);
      if (index >= 0 && index !== previous.index) el.scrollTop += (index - previous.index) * rowHeight;
    }
    const index = Math.floor(el.scrollTop / rowHeight);
    const id = chats[index]?.id;
    anchor.current = id === undefined ? null : { chats, id, index };
  });
}
