/**
 * Backups: an encrypted file of every conversation (or one pupil's), and restoring one.
 * The file is checked before it is read (size) and after (the domain's limits, the
 * passphrase, the restore funnel); a file that fails changes nothing and says why.
 */

import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseField } from '../../components/passphrase-field';
import { usePassphraseFailure } from '../../components/use-passphrase-failure';
import { MAX_BACKUP_BYTES } from '../../domain/backup';
import { currentTime, exportBackupFile, importBackupFile, useLibrary } from '../../stores/library-store';

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ExportForm() {
  const { t, i18n } = useTranslation();
  const scopeId = useId();
  const pupils = useLibrary((state) => state.pupils);
  const lastBackupAt = useLibrary((state) => state.settings.lastBackupAt);
  const [scope, setScope] = useState<string>('all');
  const [passphrase, setPassphrase] = useState('');
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  const failure = usePassphraseFailure(currentTime);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working || failure.waiting || passphrase === '') return;
    setWorking(true);
    setMessage('');
    setFailed(false);
    try {
      const pupilId = scope === 'all' ? null : scope;
      const result = await exportBackupFile(passphrase, pupilId);
      failure.record(result);
      setPassphrase('');
      if (result.ok) {
        // The file name says nothing about the pupil: it may be listed where the contents cannot be read.
        const day = new Date(currentTime()).toISOString().slice(0, 10);
        download(result.text, `kortprat${pupilId ? '-en-elev' : ''}-${day}.json`);
        setMessage(t('backup.exported', { count: result.conversations }));
      }
    } catch {
      setFailed(true);
    }
    setWorking(false);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="export-heading">
      <h3 id="export-heading">{t('backup.export.heading')}</h3>
      <p data-last-backup>
        {lastBackupAt === null
          ? t('backup.never')
          : t('backup.last', {
              date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
                lastBackupAt,
              ),
            })}
      </p>
      <div className="field">
        <label htmlFor={scopeId}>{t('backup.export.scope')}</label>
        <select id={scopeId} value={scope} onChange={(event) => setScope(event.target.value)}>
          <option value="all">{t('backup.export.all')}</option>
          {Object.values(pupils).map((pupil) => (
            <option key={pupil.id} value={pupil.id}>
              {t('backup.export.pupil', { alias: pupil.alias })}
            </option>
          ))}
        </select>
      </div>
      <PassphraseField
        label={t('backup.export.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        showLabel={t('vault.show')}
        autoComplete="current-password"
        error={failure.message}
      />
      <button type="submit" className="button button--primary" disabled={working || failure.waiting}>
        {working ? t('backup.working') : t('backup.export.submit')}
      </button>
      {failed ? (
        <p className="error" role="alert">
          {t('backup.export.failed')}
        </p>
      ) : null}
      <p role="status">{message}</p>
    </form>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setMessage('');
    if (!file) {
      setProblem(t('backup.import.noFile'));
      return;
    }
    // Checked before a byte is read: a huge file is refused without loading it.
    if (file.size > MAX_BACKUP_BYTES) {
      setProblem(t('backup.problem.too-large'));
      return;
    }
    setProblem(null);
    setWorking(true);
    try {
      const result = await importBackupFile(await file.text(), passphrase);
      if (result.ok) {
        setMessage(t('backup.import.done', result));
        setPassphrase('');
      } else {
        setProblem(t(`backup.problem.${result.problem}`));
      }
    } catch {
      setProblem(t('backup.problem.storage'));
    }
    setWorking(false);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="import-heading">
      <h3 id="import-heading">{t('backup.import.heading')}</h3>
      <p>{t('backup.import.intro')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('backup.import.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <PassphraseField
        label={t('backup.import.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        showLabel={t('vault.show')}
        autoComplete="off"
      />
      <button type="submit" className="button button--primary" disabled={working}>
        {working ? t('backup.working') : t('backup.import.submit')}
      </button>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <p role="status">{message}</p>
    </form>
  );
}

export function BackupPanel() {
  const { t } = useTranslation();
  return (
    <section className="settings__section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup.heading')}</h2>
      <p>{t('backup.intro')}</p>
      <ExportForm />
      <ImportForm />
    </section>
  );
}
