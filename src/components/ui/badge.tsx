import type { HTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

type Tone = 'neutral' | 'accent' | 'warn';

const TONES: Record<Tone, string> = {
  neutral: 'border-line bg-raised text-muted',
  accent: 'border-accent/25 bg-accent/10 text-accent',
  warn: 'border-warn/30 bg-warn/10 text-warn',
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: Tone;
}

/** A small label chip (folders, content types, "Archived", "Simulator"). */
export function Badge({ tone = 'neutral', className, ...rest }: BadgeProps) {
  return (
    <span
      className={cn('inline-flex h-[18px] shrink-0 items-center rounded border px-1.5 text-[11px] leading-none font-medium whitespace-nowrap', TONES[tone], className)}
      {...rest}
    />
  );
}
