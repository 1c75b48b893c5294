export interface TimeFormatter {
  /** Short relative time for a row: "now", "5m", "3h", "Tue", "Mar 4", "2024". */
  relative(ms: number, now: number): string;
  /** Full date and time for tooltips and assistive technology. */
  absolute(ms: number): string;
  /** Short absolute time for a row: "14:05" today, "Mar 4, 14:05" this year, "Mar 4, 2024" before. */
  short(ms: number, now: number): string;
}

/** How rows show the time of last activity (a display setting). */
export type TimeStyle = 'relative' | 'absolute';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Intl formatters are costly to build, so each formatter builds its own once and rows only call `format`. */
export function createTimeFormatter(options: { locale?: string; timeZone?: string } = {}): TimeFormatter {
  const { locale, timeZone } = options;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone });
  const monthDay = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone });
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone });
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const dayKey = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  const monthDayClock = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });
  const monthDayYear = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone });
  const full = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  });
  // Every visible row shares one `now`, so the current year is formatted once per tick, not once per row.
  let lastNow = Number.NaN;
  let nowYear = '';

  return {
    relative(ms, now) {
      const diff = now - ms;
      // Clock skew can put a message slightly in the future: that is "now", not a negative duration.
      if (diff < MINUTE) return 'now';
      if (diff < HOUR) return `${Math.floor(diff / MINUTE)}m`;
      if (diff < DAY) return `${Math.floor(diff / HOUR)}h`;
      // Six days, not seven: a week-old message must not share a weekday name with today.
      if (diff < 6 * DAY) return weekday.format(ms);
      if (now !== lastNow) {
        lastNow = now;
        nowYear = year.format(now);
      }
      const thatYear = year.format(ms);
      return thatYear === nowYear ? monthDay.format(ms) : thatYear;
    },
    absolute(ms) {
      return full.format(ms);
    },
    short(ms, now) {
      if (dayKey.format(ms) === dayKey.format(now)) return clock.format(ms);
      return year.format(ms) === year.format(now) ? monthDayClock.format(ms) : monthDayYear.format(ms);
    },
  };
}

export const timeFormat: TimeFormatter = createTimeFormatter();
