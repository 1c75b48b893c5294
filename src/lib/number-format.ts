let counts: Intl.NumberFormat | undefined;

/**
 * A count in the user's locale ("12,500"), as `count.toLocaleString()` writes it, but with one shared formatter:
 * `toLocaleString` builds a new one on every call, which shows on scroll frames that re-render the list's counts.
 */
export function formatCount(count: number): string {
  counts ??= new Intl.NumberFormat();
  return counts.format(count);
}
