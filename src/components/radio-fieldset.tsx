/** A fieldset of large radio options: the whole row is the touch target. */

import { useId } from 'react';

export interface RadioFieldsetProps<T extends string> {
  legend: string;
  options: readonly T[];
  value: NoInfer<T>;
  label(option: NoInfer<T>): string;
  onChange(option: NoInfer<T>): void;
  /** The language each option's label is written in, when it is not the page's. */
  optionLang?(option: T): string | undefined;
  /** A note under the options. */
  hint?: string;
}

export function RadioFieldset<T extends string>({
  legend,
  options,
  value,
  label,
  onChange,
  optionLang,
  hint,
}: RadioFieldsetProps<T>) {
  const name = useId();
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="option">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          <span lang={optionLang?.(option)}>{label(option)}</span>
        </label>
      ))}
      {hint ? <p className="field__hint">{hint}</p> : null}
    </fieldset>
  );
}
