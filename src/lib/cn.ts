import { clsx, type ClassValue } from 'clsx';
import { extendTailwindMerge } from 'tailwind-merge';

/**
 * The theme's own tokens (tailwind.config.ts), so tailwind-merge knows which group each belongs to: without them
 * `shadow-pane` would read as a shadow colour and `rounded-card` as unknown. Custom colours need nothing (any name is
 * taken as a colour) and the font sizes are Tailwind's own or arbitrary (`text-[13px]`).
 */
const merge = extendTailwindMerge({
  extend: {
    theme: {
      radius: ['card'],
      shadow: ['pane'],
      spacing: ['row-comfortable', 'row-compact'],
    },
  },
});

/** Joins class names (conditionally, as clsx does); of two that conflict, the later wins, so an override always works. */
export function cn(...classes: ClassValue[]): string {
  return merge(clsx(classes));
}
