/**
 * What the lock screen shows, with no state of its own and nothing but React imported:
 * the app renders it with the passphrase entry's state (unlock-screen.tsx), and the build
 * renders it disabled, to static HTML in index.html, so the lock screen is on screen
 * before any script has run (prerender.tsx).
 */

import type { FormEvent, ReactNode } from 'react';
import { PassphraseField } from '../../components/passphrase-field';

/** The lock screen's words, by translation key. */
export type LockScreenText = (
  key:
    | 'vault.unlock.heading'
    | 'vault.unlock.intro'
    | 'vault.unlock.submit'
    | 'vault.unlock.forgot'
    | 'vault.unlock.forgotText'
    | 'vault.passphrase'
    | 'vault.show'
    | 'vault.checking'
    | 'vault.erase.button'
    | 'storage.loadFailed',
) => string;

export interface LockScreenViewProps {
  t: LockScreenText;
  passphrase: string;
  onPassphrase(value: string): void;
  onSubmit(event: FormEvent): void;
  /** The passphrase is being checked. */
  working: boolean;
  /** A wrong passphrase, or the wait before the next try. */
  error?: string;
  /** The next try must wait. */
  waiting: boolean;
  storageFailed: boolean;
  /** "Glemt passordfrasen?" is open. */
  forgot: boolean;
  onForgot(): void;
  onErase(): void;
  /** Before the script runs: everything is shown, nothing can be used yet. */
  disabled?: boolean;
  /** The erase confirmation, when it is open. */
  children?: ReactNode;
}

export function LockScreenView({
  t,
  passphrase,
  onPassphrase,
  onSubmit,
  working,
  error,
  waiting,
  storageFailed,
  forgot,
  onForgot,
  onErase,
  disabled = false,
  children,
}: LockScreenViewProps) {
  return (
    <div className="vault">
      <form onSubmit={onSubmit} noValidate>
        <h1>{t('vault.unlock.heading')}</h1>
        <p>{t('vault.unlock.intro')}</p>
        <PassphraseField
          label={t('vault.passphrase')}
          value={passphrase}
          onChange={onPassphrase}
          showLabel={t('vault.show')}
          autoComplete="current-password"
          error={error}
          autoFocus
          disabled={disabled}
        />
        <button type="submit" className="button button--primary" disabled={disabled || working || waiting}>
          {working ? t('vault.checking') : t('vault.unlock.submit')}
        </button>
      </form>
      {storageFailed ? (
        <p className="error" role="alert">
          {t('storage.loadFailed')}
        </p>
      ) : null}
      <section className="vault__forgot" aria-labelledby="forgot-heading">
        <h2 id="forgot-heading">
          <button
            type="button"
            className="button button--quiet"
            aria-expanded={forgot}
            disabled={disabled}
            onClick={onForgot}
          >
            {t('vault.unlock.forgot')}
          </button>
        </h2>
        {forgot ? (
          <>
            <p>{t('vault.unlock.forgotText')}</p>
            <button type="button" className="button button--danger" onClick={onErase}>
              {t('vault.erase.button')}
            </button>
          </>
        ) : null}
      </section>
      {children}
    </div>
  );
}
