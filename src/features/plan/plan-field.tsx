/** The plan editor's building blocks: a section, a labelled text box, a calendar date. */

import { type ReactNode, useId } from 'react';

/** A section of the plan: its heading, an optional hint, and content that is locked while the plan is agreed. */
export function PlanSection({
  id,
  heading,
  hint,
  locked,
  children,
}: {
  id: string;
  heading: string;
  hint?: string;
  locked: boolean;
  children: ReactNode;
}) {
  return (
    <section className="plan__section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <fieldset className="plan__lockable" disabled={locked}>
        {children}
      </fieldset>
    </section>
  );
}

/** A labelled text box of the plan: saved as typed, with an optional hint beneath the label. */

export function PlanField({
  label,
  hint,
  value,
  maxLength,
  rows,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  maxLength: number;
  /** Rows of a text area; a one-line input without. */
  rows?: number;
  onChange(value: string): void;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {rows ? (
        <textarea
          id={id}
          rows={rows}
          maxLength={maxLength}
          aria-describedby={hintId}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          maxLength={maxLength}
          aria-describedby={hintId}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}

/** A calendar date; a cleared or half-typed date is not a date, so it is not saved. */
export function DateField({
  label,
  value,
  invalid = false,
  onChange,
}: {
  label: string;
  value: string;
  invalid?: boolean;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          if (event.target.value) onChange(event.target.value);
        }}
      />
    </div>
  );
}
