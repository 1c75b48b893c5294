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

/** Intl formatters are costly to build, so each formatter builds its own once (when first needed) and rows only call `format`. */
export function createTimeFormatter(options: { locale?: string; timeZone?: string } = {}): TimeFormatter {
  const { locale, timeZone } = options;
  // Built on first use: each Intl formatter costs a few milliseconds (the first one loads locale data), and most
  // pages need only a few of them, so none is built while the app starts.
  const lazy = (options: Intl.DateTimeFormatOptions, forLocale: string | undefined = locale) => {
    let formatter: Intl.DateTimeFormat | undefined;
    return { format: (ms: number) => (formatter ??= new Intl.DateTimeFormat(forLocale, { ...options, timeZone })).format(ms) };
  };
  const weekday = lazy({ weekday: 'short' });
  const monthDay = lazy({ month: 'short', day: 'numeric' });
  const year = lazy({ year: 'numeric' });
  const clock = lazy({ hour: 'numeric', minute: '2-digit' });
  const dayKey = lazy({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');
  const monthDayClock = lazy({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const monthDayYear = lazy({ month: 'short', day: 'numeric', year: 'numeric' });
  const full = lazy({
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
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
