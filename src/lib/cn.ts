/** Joins class names, skipping falsy ones (the few conditional classes here do not need a library). */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}
