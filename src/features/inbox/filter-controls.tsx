import { ChevronDown, X } from 'lucide-react';
import { useId, useRef, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { dayToInstant, instantToDay } from './filter-inputs';
import { useDraft } from './use-draft';

/* The filter bar's controls: native selects and date inputs drawn as compact pills. An active one is highlighted
   (`data-active`), which is the only place its filter shows. */

/** A date input reports every intermediate value while its year is typed; only a settled one is applied. */
const DATE_DELAY_MS = 400;

export const pillClass = (active: boolean) =>
  cn(
    'relative inline-flex h-7 max-w-full shrink-0 items-center gap-1 rounded-md border px-2 text-[13px] font-medium whitespace-nowrap transition-colors',
    active ? 'border-accent/40 bg-accent/10 text-accent' : 'border-line bg-surface text-ink hover:bg-hover',
  );

/** The pill draws the focus ring of the control inside it (which has none of its own). */
const FOCUS_WITHIN = 'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-accent';

interface FilterSelectProps {
  label: string;
  value: string;
  /** The choice in short words, drawn over the transparent select. */
  face: string;
  icon?: ReactNode;
  /** `pill`: the label is for screen readers (and the tooltip); `field`: a visible label beside a full-width pill. */
  layout?: 'pill' | 'field';
  onChange: (value: string) => void;
  children: ReactNode;
}

/**
 * A native <select> drawn as a pill: the select lies transparent over a face that shows the choice (and an icon). The
 * select itself takes clicks and keys, so it stays a plain, accessible select. "" is the unfiltered choice.
 */
export function FilterSelect({ label, value, face, icon, layout = 'pill', onChange, children }: FilterSelectProps) {
  const id = useId();
  const field = layout === 'field';
  return (
    <>
      <label htmlFor={id} className={field ? 'text-[13px] text-muted' : 'sr-only'}>
        {label}
      </label>
      <div title={field ? undefined : label} data-active={value !== ''} className={cn(pillClass(value !== ''), FOCUS_WITHIN, field && 'w-full justify-between')}>
        {icon}
        <span aria-hidden="true" className="truncate">
          {face}
        </span>
        <ChevronDown aria-hidden="true" className="size-3 shrink-0 opacity-70" />
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0">
          {children}
        </select>
      </div>
    </>
  );
}

/** A day bound on the last activity, with a visible label; a set day can be removed with its own button. */
export function DateField({ label, value, onChange }: { label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const id = useId();
  const committed = instantToDay(value);
  const [draft, setDraft] = useDraft(committed, (d) => (d === '' || dayToInstant(d) ? d : committed), (d) => onChange(dayToInstant(d)), DATE_DELAY_MS);
  const active = value !== undefined;
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <label htmlFor={id} className="text-[13px] text-muted">
        {label}
      </label>
      <div className="flex min-w-0 items-center gap-1">
        <div data-active={active} className={cn(pillClass(active), FOCUS_WITHIN, 'min-w-0 flex-1 px-1.5')}>
          <input ref={inputRef} id={id} type="date" value={draft} onChange={(e) => setDraft(e.target.value)} className="h-6 w-full min-w-0 bg-transparent text-[13px] text-ink outline-none" />
        </div>
        {active ? (
          <button
            type="button"
            onClick={() => {
              // The button goes away with the date: focus stays in the field.
              onChange(undefined);
              inputRef.current?.focus();
            }}
            aria-label={`Remove filter: ${label}`}
            title={`Remove filter: ${label}`}
            className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-hover hover:text-ink"
          >
            <X aria-hidden="true" className="size-3.5" />
          </button>
        ) : null}
      </div>
    </>
  );
}
