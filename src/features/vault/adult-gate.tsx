/**
 * Pupil mode's door: while a conversation is under way on this tablet, the adult's
 * screens (the list of pupils, setup, settings) open only with the adult's passphrase,
 * or the adult PIN when one is set.
 * The pupil can always go back to their own conversation.
 */

import { useTranslation } from 'react-i18next';
import { PassphraseField } from '../../components/passphrase-field';
import { navigate } from '../../lib/router';
import { leavePupilMode, useLibrary } from '../../stores/library-store';
import { usePassphraseEntry } from './use-passphrase-entry';

export function AdultGate({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { passphrase, setPassphrase, working, storageFailed, failure, submit } = usePassphraseEntry(leavePupilMode);
  const hasPin = useLibrary((state) => state.settings.pin !== null);

  return (
    <div className="vault" data-gate="adult">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h1>{t('vault.gate.heading')}</h1>
        <p>{hasPin ? t('vault.gate.introPin') : t('vault.gate.intro')}</p>
        <PassphraseField
          label={hasPin ? t('vault.gate.passphraseOrPin') : t('vault.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          showLabel={t('vault.show')}
          autoComplete="current-password"
          error={failure.message}
          autoFocus
        />
        <div className="vault__actions">
          <button type="submit" className="button button--primary" disabled={working || failure.waiting}>
            {working ? t('vault.checking') : t('vault.gate.submit')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => navigate({ name: 'conversation', id: conversationId })}
          >
            {t('vault.gate.back')}
          </button>
        </div>
      </form>
      {storageFailed ? (
        <p className="error" role="alert">
          {t('storage.loadFailed')}
        </p>
      ) : null}
    </div>
  );
}
