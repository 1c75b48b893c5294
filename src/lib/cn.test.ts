import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('joins conditional classes, skipping falsy ones', () => {
    expect(cn('a', false, null, undefined, 'b', { c: true, d: false })).toBe('a b c');
  });

  it('lets a later class win over a conflicting earlier one', () => {
    expect(cn('h-7 px-2.5 text-[13px]', 'h-6 px-2 text-xs')).toBe('h-6 px-2 text-xs');
    expect(cn('px-3', 'px-0')).toBe('px-0');
    expect(cn('size-4 text-faint', 'size-3.5')).toBe('text-faint size-3.5');
    expect(cn('text-muted hover:text-ink', 'text-danger')).toBe('hover:text-ink text-danger');
  });

  it('keeps classes of different groups, even with the same prefix', () => {
    expect(cn('text-[13px] text-ink')).toBe('text-[13px] text-ink');
    expect(cn('text-xs text-accent-ink')).toBe('text-xs text-accent-ink');
    expect(cn('border border-line')).toBe('border border-line');
    expect(cn('px-2 pr-1')).toBe('px-2 pr-1');
  });

  it('knows the theme tokens of tailwind.config.ts', () => {
    expect(cn('rounded-md', 'rounded-card')).toBe('rounded-card');
    expect(cn('shadow-sm', 'shadow-pane')).toBe('shadow-pane');
    expect(cn('h-row-compact', 'h-row-comfortable')).toBe('h-row-comfortable');
    expect(cn('bg-surface', 'bg-accent/10')).toBe('bg-accent/10');
  });
});
