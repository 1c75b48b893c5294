import type { InvalidFilter } from '@/lib/chats/filters';

/* Helpers of the filter bar's own inputs; they load with the bar, not with the list. */

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant, as a date input holds it (`YYYY-MM-DD`). */
export function instantToDay(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The start of a local calendar day as an instant: the link then names the same moment for whoever opens it. */
export function dayToInstant(day: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date rolls "02-30" over into March; the API takes years 1000–2999 only.
  return instantToDay(d.toISOString()) === day && d.getFullYear() >= 1000 && d.getFullYear() <= 2999 ? d.toISOString() : undefined;
}

export function invalidFilterNotice(invalid: readonly InvalidFilter[]): string | null {
  if (invalid.length === 0) return null;
  // A long value (a pasted paragraph as q) is cut: the notice names the problem, it does not echo the link.
  const items = invalid.map((i) => `${i.name}=${i.raw.length > 40 ? `${i.raw.slice(0, 40)}…` : i.raw}`).join(', ');
  return invalid.length === 1 ? `Ignored an invalid filter in the link: ${items}` : `Ignored invalid filters in the link: ${items}`;
}
