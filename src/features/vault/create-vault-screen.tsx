/**
 * First start on a tablet: the adult chooses the passphrase that the data key is wrapped
 * with. It says plainly that a forgotten passphrase means the conversations are gone.
 */

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseField } from '../../components/passphrase-field';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH, checkNewPassphrase } from '../../domain/vault';
import { createVault } from '../../stores/library-store';

export default function CreateVaultScreen() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkNewPassphrase(passphrase, repeated);
    if (problem) {
      setError(t(`vault.problem.${problem}`, { min: PASSPHRASE_MIN_LENGTH, max: PASSPHRASE_MAX_LENGTH }));
      return;
    }
    setError(null);
    setWorking(true);
    try {
      await createVault(passphrase);
    } catch {
      setError(t('vault.create.failed'));
      setWorking(false);
    }
  };

  return (
    <form className="vault" onSubmit={(event) => void submit(event)} noValidate>
      <h1>{t('vault.create.heading')}</h1>
      <p>{t('vault.create.intro')}</p>
      <p className="vault__warning">
        <strong>{t('vault.create.warningLead')}</strong> {t('vault.create.warning')}
      </p>
      <PassphraseField
        label={t('vault.create.passphrase')}
        hint={t('vault.create.hint', { min: PASSPHRASE_MIN_LENGTH })}
        value={passphrase}
        onChange={setPassphrase}
        showLabel={t('vault.show')}
        autoComplete="new-password"
        autoFocus
      />
      <PassphraseField
        label={t('vault.create.repeat')}
        value={repeated}
        onChange={setRepeated}
        showLabel={t('vault.show')}
        autoComplete="new-password"
        error={error ?? undefined}
      />
      <button type="submit" className="button button--primary" disabled={working}>
        {working ? t('vault.create.working') : t('vault.create.submit')}
      </button>
    </form>
  );
}
