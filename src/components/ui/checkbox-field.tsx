import { useId } from 'react';

export interface CheckboxFieldProps {
  label: string;
  /** Said under the label, and the box's accessible description. */
  hint: string;
  checked: boolean;
  disabled?: boolean;
  /** The hint is news (a refusal): announced as it changes. */
  hintIsStatus?: boolean;
  onChange: (checked: boolean) => void;
}

/** A settings checkbox with its label and a hint below it; the hint describes the box for assistive technology. */
export function CheckboxField({ label, hint, checked, disabled = false, hintIsStatus = false, onChange }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        id={`${id}-checkbox`}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
        className="mt-0.5 size-4 shrink-0 cursor-pointer accent-[rgb(var(--accent))] disabled:cursor-not-allowed"
      />
      <div>
        <label htmlFor={`${id}-checkbox`} className="cursor-pointer text-sm font-medium text-ink">
          {label}
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-[13px] text-muted" role={hintIsStatus ? 'status' : undefined}>
          {hint}
        </p>
      </div>
    </div>
  );
}
