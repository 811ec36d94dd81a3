/**
 * The lock screen: the app starts here and returns here after a lock. Nothing about any
 * pupil is in memory or on screen until the passphrase is given. A forgotten passphrase
 * leaves one way on: erase everything and start again. What it shows is LockScreenView,
 * which the build also puts into index.html.
 */

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { eraseEverything, unlockVault } from '../../stores/library-store';
import { LockScreenView } from './lock-screen-view';
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
    <LockScreenView
      t={t}
      passphrase={passphrase}
      onPassphrase={setPassphrase}
      onSubmit={(event) => void submit(event)}
      working={working}
      error={failure.message}
      waiting={failure.waiting}
      storageFailed={storageFailed}
      forgot={forgot}
      onForgot={() => setForgot((open) => !open)}
      onErase={() => setConfirmErase(true)}
    >
      {confirmErase ? (
        <ConfirmDialog
          message={t('vault.erase.confirm')}
          confirmLabel={t('vault.erase.yes')}
          cancelLabel={t('start.cancel')}
          onConfirm={() => void erase()}
          onCancel={() => setConfirmErase(false)}
        />
      ) : null}
    </LockScreenView>
  );
}
