import type { ChatMessage } from '@/lib/chats/messages';

/**
 * One row of the message list. A day separator is part of the first message row of its day, not a row of its own:
 * rows are then keyed by message id only, so the end-anchored virtualizer always finds the row it anchored on after
 * older messages are prepended (a separator row would move to another day's start and drag the view with it).
 */
export interface TimelineRow {
  key: string;
  message: ChatMessage;
  /** The first message of a run by one sender: it shows the name and avatar. */
  startsRun: boolean;
  /** Set on the first message of a calendar day. */
  day: { label: string; dateTime: string } | null;
}

/** Messages of one sender within this long of each other share one name and avatar. */
const RUN_GAP_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export interface DayFormatter {
  /** A stable key for the calendar day (local time), also a valid <time> value: YYYY-MM-DD. */
  dayKey(ms: number): string;
  label(ms: number, now: number): string;
}

export function createDayFormatter(locale?: string, timeZone?: string): DayFormatter {
  const keyFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  const thisYear = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone });
  const otherYear = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone });
  const year = new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone });
  const dayKey = (ms: number) => keyFormat.format(ms);
  return {
    dayKey,
    label(ms, now) {
      const key = dayKey(ms);
      if (key === dayKey(now)) return 'Today';
      // 24 h back is yesterday except within an hour of a daylight-saving change: close enough for a label.
      if (key === dayKey(now - DAY_MS)) return 'Yesterday';
      return year.format(ms) === year.format(now) ? thisYear.format(ms) : otherYear.format(ms);
    },
  };
}

export const dayFormat = createDayFormatter();

const senderOf = (m: ChatMessage) => m.senderAttendeeId ?? m.senderId;

/** Oldest-first messages to rows: day labels on each day's first message, runs of one sender grouped. */
export function buildTimeline(messages: readonly ChatMessage[], now: number, format: DayFormatter = dayFormat): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let lastDay: string | null = null;
  let previous: ChatMessage | null = null;
  for (const message of messages) {
    let day: TimelineRow['day'] = null;
    if (message.sentAt !== null) {
      const key = format.dayKey(message.sentAt);
      if (key !== lastDay) {
        day = { label: format.label(message.sentAt, now), dateTime: key };
        lastDay = key;
      }
    }
    const startsRun =
      previous === null ||
      day !== null ||
      previous.isEvent ||
      message.isEvent ||
      previous.mine !== message.mine ||
      senderOf(previous) !== senderOf(message) ||
      (previous.sentAt !== null && message.sentAt !== null && message.sentAt - previous.sentAt > RUN_GAP_MS);
    rows.push({ key: message.id, message, startsRun, day });
    previous = message;
  }
  return rows;
}

const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** 1,536 → "1.5 KB"; sizes are decimal-free above 10 units ("12 MB"), as file managers show them. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();
  return `${shown} ${UNITS[unit]}`;
}
