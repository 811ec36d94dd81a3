/**
 * The lock screen: the app starts here and returns here after a lock. Nothing about any
 * pupil is in memory or on screen until the passphrase is given. A forgotten passphrase
 * leaves one way on: erase everything and start again.
 */

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { PassphraseField } from '../../components/passphrase-field';
import { eraseEverything, unlockVault } from '../../stores/library-store';
import { usePassphraseEntry } from './use-passphrase-entry';

export default function UnlockScreen() {
  const { t } = useTranslation();
  const { passphrase, setPassphrase, working, storageFailed, setStorageFailed, failure, submit } =
    usePassphraseEntry(unlockVault);
  const [forgot, setForgot] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);

  const erase = async () => {
    setConfirmErase(false);
    try {
      await eraseEverything();
    } catch {
      setStorageFailed(true);
    }
  };

  return (
    <div className="vault">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h1>{t('vault.unlock.heading')}</h1>
        <p>{t('vault.unlock.intro')}</p>
        <PassphraseField
          label={t('vault.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          showLabel={t('vault.show')}
          autoComplete="current-password"
          error={failure.message}
          autoFocus
        />
        <button type="submit" className="button button--primary" disabled={working || failure.waiting}>
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
            onClick={() => setForgot((open) => !open)}
          >
            {t('vault.unlock.forgot')}
          </button>
        </h2>
        {forgot ? (
          <>
            <p>{t('vault.unlock.forgotText')}</p>
            <button type="button" className="button button--danger" onClick={() => setConfirmErase(true)}>
              {t('vault.erase.button')}
            </button>
          </>
        ) : null}
      </section>
      {confirmErase ? (
        <ConfirmDialog
          message={t('vault.erase.confirm')}
          confirmLabel={t('vault.erase.yes')}
          cancelLabel={t('start.cancel')}
          onConfirm={() => void erase()}
          onCancel={() => setConfirmErase(false)}
        />
      ) : null}
    </div>
  );
}
