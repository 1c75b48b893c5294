import { useId } from 'react';
import { cn } from '@/lib/cn';

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
}

export interface SegmentedRadioGroupProps<T extends string> {
  legend: string;
  /** One line under the legend, read as the group's description. */
  hint?: string;
  value: T;
  options: readonly SegmentedOption<T>[];
  onChange: (value: T) => void;
}

/**
 * Real radio inputs in a fieldset (arrow keys, one tab stop, the legend as the group's name), drawn as a
 * segmented control: the label is the segment, the input lies transparent over it.
 */
export function SegmentedRadioGroup<T extends string>({ legend, hint, value, options, onChange }: SegmentedRadioGroupProps<T>) {
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset aria-describedby={hint ? hintId : undefined} className="min-w-0">
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-[13px] text-muted">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 inline-flex w-full rounded-md border border-line bg-raised p-0.5 sm:w-auto">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          const checked = option.value === value;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className={cn(
                'relative flex h-7 flex-1 cursor-pointer items-center justify-center rounded px-3 text-[13px] font-medium whitespace-nowrap transition-colors sm:flex-none',
                'has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-1 has-[input:focus-visible]:outline-accent',
                checked ? 'bg-surface text-ink shadow-sm ring-1 ring-line' : 'text-muted hover:text-ink',
              )}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                // Transparent over the whole segment rather than visually hidden: the input itself takes the click.
                className="absolute inset-0 m-0 size-full cursor-pointer appearance-none rounded opacity-0"
              />
              {option.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
