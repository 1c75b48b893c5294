import { useLiveStatus, type LiveStatus } from './status-store';
import { LIVE_EVENT_NAME, liveEventSchema, type LiveEvent } from '../wire/live-events';

/**
 * The browser end of `GET /api/events` (Server-Sent Events, same origin: the dashboard session cookie goes along).
 * The browser's EventSource reconnects by itself after a dropped stream and sends Last-Event-ID, so the server
 * replays what was missed; only when the server answers with an error (EventSource then gives up, readyState CLOSED)
 * does this open a new one, after a growing delay. No cache logic here: events go to `onEvent`, and "you may have
 * missed something" (a reconnect, a `reset` from the server whose backlog no longer reaches back) to `onResync`.
 */

export const LIVE_EVENTS_URL = '/api/events';
/** The server's "replay cannot cover the gap" signal: refetch instead. */
export const RESET_EVENT_NAME = 'reset';


/** What this needs of EventSource: the real one in the browser, a fake in tests. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

/** EventSource.CLOSED, spelled out so Node (tests) needs no EventSource global. */
const CLOSED = 2;

export interface LiveClientOptions {
  onEvent: (event: LiveEvent) => void;
  onResync: (reason: 'reconnect' | 'reset') => void;
  onStatus?: (status: LiveStatus) => void;
  url?: string;
  createSource?: EventSourceFactory;
  /** Delays before a new EventSource after the server refused one (ms), the last one repeated. */
  retryDelays?: readonly number[];
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const DEFAULT_RETRY_DELAYS: readonly number[] = [2_000, 5_000, 15_000, 30_000];

/** One `triage` message's data, validated; anything else (bad JSON, an unknown shape) is null and dropped. */
export function parseLiveEvent(data: unknown): LiveEvent | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = liveEventSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const browserSource: EventSourceFactory = (url) => new EventSource(url, { withCredentials: true });

/** Opens the stream and keeps it open until the returned function is called. */
export function connectLive({
  onEvent,
  onResync,
  onStatus = (status) => useLiveStatus.setState({ status }),
  url = LIVE_EVENTS_URL,
  createSource = browserSource,
  retryDelays = DEFAULT_RETRY_DELAYS,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: LiveClientOptions): () => void {
  let source: EventSourceLike | null = null;
  let timer: unknown = null;
  let stopped = false;
  let failures = 0;
  // Any open after the first follows a gap (a dropped stream or a refused one): what it missed is refetched.
  let everOpen = false;
  let status: LiveStatus | null = null;

  const setStatus = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    onStatus(next);
  };

  const open = () => {
    timer = null;
    if (stopped) return;
    const current = createSource(url);
    source = current;
    current.addEventListener('open', () => {
      if (stopped || source !== current) return;
      failures = 0;
      setStatus('live');
      if (everOpen) onResync('reconnect');
      everOpen = true;
    });
    current.addEventListener('error', () => {
      if (stopped || source !== current) return;
      setStatus('paused');
      // CONNECTING: the browser is already retrying (with Last-Event-ID). CLOSED: it gave up, so a new one is made.
      if (current.readyState !== CLOSED) return;
      current.close();
      source = null;
      const delay = retryDelays[Math.min(failures, retryDelays.length - 1)] ?? 30_000;
      failures += 1;
      timer = setTimer(open, delay);
    });
    current.addEventListener(LIVE_EVENT_NAME, (message) => {
      if (stopped || source !== current) return;
      const event = parseLiveEvent(message.data);
      if (event) onEvent(event);
    });
    current.addEventListener(RESET_EVENT_NAME, () => {
      if (!stopped && source === current) onResync('reset');
    });
  };

  setStatus('connecting');
  open();
  return () => {
    stopped = true;
    if (timer !== null) clearTimer(timer);
    source?.close();
    source = null;
  };
}
