/**
 * A passphrase input with a "show" toggle (typing a long phrase on a tablet keyboard is
 * easier when you can see it), its hint and its error tied to it for screen readers.
 */

import { useId, useState } from 'react';

export interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  showLabel: string;
  hint?: string;
  error?: string;
  /** 'current-password' to unlock, 'new-password' when choosing one, 'off' for a backup's. */
  autoComplete: 'current-password' | 'new-password' | 'off';
  autoFocus?: boolean;
  /** 'numeric' brings up the number pad for a PIN. */
  inputMode?: 'numeric';
  disabled?: boolean;
}

export function PassphraseField({
  label,
  value,
  onChange,
  showLabel,
  hint,
  error,
  autoComplete,
  autoFocus,
  inputMode,
  disabled,
}: PassphraseFieldProps) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="passphrase">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          autoFocus={autoFocus}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
        />
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={visible}
          aria-label={`${showLabel}: ${label}`}
          disabled={disabled}
          onClick={() => setVisible((v) => !v)}
        >
          {showLabel}
        </button>
      </div>
      {/* Always there, so a message that appears in it is announced. */}
      <p id={`${id}-error`} className="field__error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
