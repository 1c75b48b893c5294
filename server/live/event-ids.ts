/*
 * Event ids have the shape of Redis stream ids, `<milliseconds>-<sequence>` (the memory bus uses its start time as
 * the first part, so an id from before a restart is recognisably foreign). Compared part by part, as numbers.
 */
const EVENT_ID = /^(\d{1,20})-(\d{1,20})$/;

export function parseEventId(id: string): readonly [bigint, bigint] | null {
  const match = EVENT_ID.exec(id);
  return match ? [BigInt(match[1] ?? '0'), BigInt(match[2] ?? '0')] : null;
}

/** Negative when `a` came before `b`; ids that do not parse sort first (they are never sent). */
export function compareEventIds(a: string, b: string): number {
  const pa = parseEventId(a);
  const pb = parseEventId(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  if (pa[0] !== pb[0]) return pa[0] < pb[0] ? -1 : 1;
  return pa[1] === pb[1] ? 0 : pa[1] < pb[1] ? -1 : 1;
}
