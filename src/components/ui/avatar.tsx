import { memo, useEffect, useState, type CSSProperties } from 'react';
import { cn } from '@/lib/cn';

/** Pictures that failed once are not asked for again when a virtualized row remounts. */
const failedSources = new Set<string>();
/** Pictures already shown once mount at once (the browser has them); others wait a moment, see below. */
const shownSources = new Set<string>();
/** Rows that fly past in a fast scroll unmount within this delay and never request their picture. */
const PICTURE_DELAY_MS = 120;

/** Deterministic hue from any text (FNV-1a), so a chat keeps its colour across sessions. */
export function hueOf(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

/** Up to two initials from a name; "#" for names with no letters (phone numbers, ids). */
export function initialsOf(name: string): string {
  const words = name.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  if (words.length === 0) return '#';
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export interface AvatarProps {
  src: string | null;
  name: string;
  colorSeed: string;
  size: number;
  className?: string;
}

/**
 * A round picture with initials underneath: they show while it loads and stay if it fails; the size never changes.
 * `src` may change while mounted (null until the data says a picture exists): each source gets its own delay and failure.
 */
export const Avatar = memo(function Avatar({ src, name, colorSeed, size, className }: AvatarProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const [wantedSrc, setWantedSrc] = useState<string | null>(null);
  const failed = src === null || failedSrc === src || failedSources.has(src);
  const wanted = src !== null && (wantedSrc === src || shownSources.has(src));
  useEffect(() => {
    if (wanted || failed) return;
    const timer = window.setTimeout(() => setWantedSrc(src), PICTURE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [src, wanted, failed]);
  const style = { width: size, height: size, '--avatar-hue': hueOf(colorSeed) } as CSSProperties;
  return (
    <span className={cn('avatar relative inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full', className)} style={style} aria-hidden="true">
      {/* Drawn, not a text node: the avatar is decorative, and rows labelled in words must not "show" extra text. */}
      <span data-text={initialsOf(name)} className={cn('drawn-text leading-none font-semibold tracking-tight select-none', size >= 36 ? 'text-[13px]' : 'text-[11px]')} />
      {src && wanted && !failed ? (
        <img
          src={src}
          alt=""
          width={size}
          height={size}
          loading="lazy"
          decoding="async"
          draggable={false}
          className="absolute inset-0 size-full object-cover"
          onLoad={() => shownSources.add(src)}
          onError={() => {
            failedSources.add(src);
            setFailedSrc(src);
          }}
        />
      ) : null}
    </span>
  );
});
