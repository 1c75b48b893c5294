import type { WirePreview } from '../../src/lib/wire/preview-wire';
import type { Backend } from '../backends/types';
import { buildPreview, needsAttendees } from './build';
import { createLimiter } from './limiter';
import { TtlCache } from './ttl-cache';
import {
  fetchAttendees, fetchChatWithLastMessage, fetchRecentChats, fetchRecentMessages,
  type UpstreamAttendee, type UpstreamChat, type UpstreamMessage,
} from './upstream';

/*
 * Where previews come from, cheapest first: the per-process cache (a chat at most once per PREVIEW_TTL_MS); one
 * GET /messages page and one GET /chats page, shared by every batch for RECENT_TTL_MS, which answer the newest chats
 * together; GET /chats/:id (its lastMessage) for the rest; GET /chats/:id/attendees where a name or picture needs it.
 * All of it through the backend (coalescing, cap, 429 pause, scrubbing), and at most `concurrency` calls at once.
 */

export const PREVIEW_TTL_MS = 5 * 60_000;
/** Names and pictures change less often than last messages. */
export const ATTENDEES_TTL_MS = 15 * 60_000;
/** How long one fetch of the newest pages answers for the chats on them. */
export const RECENT_TTL_MS = 30_000;
/** The newest pages: the upstream's largest page of each. */
export const RECENT_PAGE_SIZE = 250;
const MAX_CACHED = 20_000;

export interface PreviewServiceOptions {
  backend: Backend;
  /** Upstream calls the previews have in flight at most (a part of the backend's own cap). */
  concurrency: number;
  now?: () => number;
}

export interface PreviewResult {
  items: WirePreview[];
  /** Ids without a preview this time, with what went wrong for each. */
  failed: { id: string; error: unknown }[];
}

export interface PreviewService {
  previews(ids: readonly string[]): Promise<PreviewResult>;
  /** The chat has a new last message (sent through Triage, or a live event): its next preview is fetched afresh. */
  forget(chatId: string): void;
  /**
   * A list's first page is on its way to a browser, whose rows ask for their previews a moment later: the page of the
   * newest chats and messages is fetched now (if not fresh), so their answer waits for no round trip of its own.
   */
  warm(): void;
}

interface RecentIndex {
  chats: Map<string, UpstreamChat>;
  /** Each chat's newest message on the page (the page runs newest first). */
  lastMessages: Map<string, UpstreamMessage>;
}

const EMPTY_INDEX: RecentIndex = { chats: new Map(), lastMessages: new Map() };

export function createPreviewService({ backend, concurrency, now = Date.now }: PreviewServiceOptions): PreviewService {
  // Pictures looked up behind an answer wait in a lane of their own (one slot of the previews' share), so they never
  // delay the words of the next batch; the two lanes together stay within `concurrency`.
  const limited = createLimiter(Math.max(1, concurrency - 1));
  const behind = createLimiter(1);
  const pictureLookups = new Map<string, Promise<unknown>>();
  const previewCache = new TtlCache<string, WirePreview>(PREVIEW_TTL_MS, MAX_CACHED, now);
  const attendeeCache = new TtlCache<string, UpstreamAttendee[]>(ATTENDEES_TTL_MS, MAX_CACHED, now);
  const inFlight = new Map<string, Promise<WirePreview>>();
  let recent: { at: number; index: Promise<RecentIndex> } | null = null;

  /** The newest pages, fetched at most once per RECENT_TTL_MS; a failed fetch counts as empty for as long. */
  function recentIndex(): Promise<RecentIndex> {
    if (recent && now() - recent.at < RECENT_TTL_MS) return recent.index;
    const index = Promise.all([
      limited(() => fetchRecentMessages(backend, RECENT_PAGE_SIZE)),
      limited(() => fetchRecentChats(backend, RECENT_PAGE_SIZE)),
    ]).then(
      ([messages, chats]) => {
        const lastMessages = new Map<string, UpstreamMessage>();
        for (const m of messages) if (m.chat_id !== null && !lastMessages.has(m.chat_id)) lastMessages.set(m.chat_id, m);
        return { chats: new Map(chats.map((c) => [c.id, c])), lastMessages };
      },
      () => EMPTY_INDEX,
    );
    recent = { at: now(), index };
    return index;
  }

  async function chatAndLastMessage(id: string): Promise<{ chat: UpstreamChat; message: UpstreamMessage | null }> {
    const index = await recentIndex();
    const chat = index.chats.get(id);
    const message = index.lastMessages.get(id);
    if (chat && message) return { chat, message };
    const found = await limited(() => fetchChatWithLastMessage(backend, id));
    if (!found) throw new Error(`the upstream answered GET /chats/${id} with no such chat`);
    return { chat: found.chat, message: found.lastMessage };
  }

  /** Null when they could not be had: the preview is then answered without them, and not kept. */
  async function attendeesOf(id: string, lane = limited): Promise<UpstreamAttendee[] | null> {
    const cached = attendeeCache.get(id);
    if (cached) return cached;
    try {
      const attendees = await lane(() => fetchAttendees(backend, id));
      attendeeCache.set(id, attendees);
      return attendees;
    } catch {
      return null;
    }
  }

  async function resolve(id: string): Promise<WirePreview> {
    const { chat, message } = await chatAndLastMessage(id);
    if (needsAttendees(chat, message)) {
      const attendees = await attendeesOf(id);
      const preview = buildPreview(chat, message, attendees);
      if (attendees !== null) previewCache.set(id, preview);
      return preview;
    }
    if (chat.kind !== 'direct') {
      const preview = buildPreview(chat, message, []);
      previewCache.set(id, preview);
      return preview;
    }
    // A named 1:1 chat: its words now (the first screen waits one round trip, not one per chat); its picture is
    // looked up meanwhile, and the preview that comes with it is the one kept ("partial" tells the browser to ask again).
    const known = attendeeCache.get(id);
    if (known) {
      const preview = buildPreview(chat, message, known);
      previewCache.set(id, preview);
      return preview;
    }
    if (!pictureLookups.has(id)) {
      const lookup = attendeesOf(id, behind).finally(() => pictureLookups.delete(id));
      pictureLookups.set(id, lookup);
    }
    return buildPreview(chat, message, null, true);
  }

  /** Two batches asking for the same chat at once share one resolution. */
  function previewOf(id: string): Promise<WirePreview> {
    const cached = previewCache.get(id);
    if (cached) return Promise.resolve(cached);
    let pending = inFlight.get(id);
    if (!pending) {
      pending = resolve(id);
      inFlight.set(id, pending);
      const forget = () => inFlight.delete(id);
      pending.then(forget, forget);
    }
    return pending;
  }

  return {
    warm() {
      void recentIndex();
    },
    forget(chatId) {
      previewCache.delete(chatId);
      // The shared page of the newest chats is older than this message now: that chat is asked for on its own.
      void recent?.index.then((index) => {
        index.chats.delete(chatId);
        index.lastMessages.delete(chatId);
      });
    },
    async previews(ids) {
      const settled = await Promise.allSettled(ids.map(previewOf));
      const result: PreviewResult = { items: [], failed: [] };
      settled.forEach((outcome, i) => {
        if (outcome.status === 'fulfilled') result.items.push(outcome.value);
        else result.failed.push({ id: ids[i] as string, error: outcome.reason });
      });
      return result;
    },
  };
}
