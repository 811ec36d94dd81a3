/**
 * The adult's settings for this tablet: when the app locks itself, when to be reminded
 * of old conversations, the passphrase, the school's own measures, backups, and erasing
 * everything.
 */

import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { PassphraseField } from '../../components/passphrase-field';
import { usePassphraseFailure } from '../../components/use-passphrase-failure';
import { INACTIVITY_MINUTES, REMINDER_DAYS, checkNewPin } from '../../domain/device-settings';
import {
  CUSTOM_MEASURE_MAX_LENGTH,
  type CustomMeasure,
  type CustomMeasureProblem,
  rewordCustomMeasure,
} from '../../domain/measures';
import { PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH, checkNewPassphrase } from '../../domain/vault';
import { navigate } from '../../lib/router';
import {
  changePassphrase,
  currentTime,
  eraseEverything,
  setPin,
  updateSettings,
  useLibrary,
} from '../../stores/library-store';
import { BackupPanel } from './backup-panel';

function ChangePassphrase() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [working, setWorking] = useState(false);
  const failure = usePassphraseFailure(currentTime);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const invalid = checkNewPassphrase(next, repeated);
    setProblem(invalid && t(`vault.problem.${invalid}`, { min: PASSPHRASE_MIN_LENGTH, max: PASSPHRASE_MAX_LENGTH }));
    if (invalid || working || failure.waiting) return;
    setWorking(true);
    try {
      const result = await changePassphrase(current, next);
      failure.record(result);
      if (result.ok) {
        setDone(true);
        setCurrent('');
        setNext('');
        setRepeated('');
      }
    } catch {
      setProblem(t('settings.failed'));
    }
    setWorking(false);
  };

  return (
    <form
      className="settings__section"
      aria-labelledby="passphrase-heading"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="passphrase-heading">{t('settings.passphrase.heading')}</h2>
      <p>{t('settings.passphrase.intro')}</p>
      <PassphraseField
        label={t('settings.passphrase.current')}
        value={current}
        onChange={setCurrent}
        showLabel={t('vault.show')}
        autoComplete="current-password"
        error={failure.message}
      />
      <PassphraseField
        label={t('settings.passphrase.next')}
        hint={t('vault.create.hint', { min: PASSPHRASE_MIN_LENGTH })}
        value={next}
        onChange={setNext}
        showLabel={t('vault.show')}
        autoComplete="new-password"
      />
      <PassphraseField
        label={t('vault.create.repeat')}
        value={repeated}
        onChange={setRepeated}
        showLabel={t('vault.show')}
        autoComplete="new-password"
        error={problem ?? undefined}
      />
      <button type="submit" className="button button--primary" disabled={working || failure.waiting}>
        {working ? t('vault.checking') : t('settings.passphrase.submit')}
      </button>
      <p role="status">{done ? t('settings.passphrase.done') : ''}</p>
    </form>
  );
}

function AdultPin() {
  const { t } = useTranslation();
  const hasPin = useLibrary((state) => state.settings.pin !== null);
  const [pin, setPinText] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const save = async (next: string | null) => {
    setMessage('');
    try {
      await setPin(next);
      setPinText('');
      setRepeated('');
      setMessage(next === null ? t('settings.pin.removed') : t('settings.pin.saved'));
    } catch {
      setProblem(t('settings.failed'));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = checkNewPin(pin, repeated);
    setProblem(invalid && t(`settings.pin.problem.${invalid}`));
    if (!invalid) void save(pin);
  };

  return (
    <form className="settings__section" aria-labelledby="pin-heading" onSubmit={submit} noValidate>
      <h2 id="pin-heading">{t('settings.pin.heading')}</h2>
      <p>{t('settings.pin.intro')}</p>
      <p>{hasPin ? t('settings.pin.isSet') : t('settings.pin.notSet')}</p>
      <PassphraseField
        label={t('settings.pin.new')}
        value={pin}
        onChange={setPinText}
        showLabel={t('vault.show')}
        autoComplete="off"
        inputMode="numeric"
      />
      <PassphraseField
        label={t('settings.pin.repeat')}
        value={repeated}
        onChange={setRepeated}
        showLabel={t('vault.show')}
        autoComplete="off"
        inputMode="numeric"
        error={problem ?? undefined}
      />
      <div className="vault__actions">
        <button type="submit" className="button button--primary">
          {t('settings.pin.submit')}
        </button>
        {hasPin ? (
          <button type="button" className="button button--secondary" onClick={() => void save(null)}>
            {t('settings.pin.remove')}
          </button>
        ) : null}
      </div>
      <p role="status">{message}</p>
    </form>
  );
}

/**
 * The measures the school wrote itself, offered in every plan: the adult can put one in
 * new words (a typo) or take one off the list (one no longer used). Plans keep their own
 * copies, so none changes.
 */
function SchoolMeasures() {
  const { t } = useTranslation();
  const measures = useLibrary((state) => state.settings.schoolMeasures);
  const [removing, setRemoving] = useState<CustomMeasure | null>(null);
  const [editing, setEditing] = useState<CustomMeasure['id'] | null>(null);
  const [message, setMessage] = useState('');
  // The measure whose "Endre" button takes the focus back as its form closes: the button
  // does so as it is put back in the page (its ref), whenever React gets to that.
  const returnFocus = useRef<string | null>(null);

  const remove = (measure: CustomMeasure) => {
    setRemoving(null);
    updateSettings({ schoolMeasures: measures.filter((m) => m.id !== measure.id) })
      .then(() => setMessage(t('settings.schoolMeasures.removed', { text: measure.text })))
      .catch(() => setMessage(t('settings.failed')));
  };

  const closeEditing = (id: string) => {
    returnFocus.current = id;
    setEditing(null);
  };

  return (
    <section className="settings__section" aria-labelledby="school-measures-heading">
      <h2 id="school-measures-heading">{t('settings.schoolMeasures.heading')}</h2>
      <p>{t('settings.schoolMeasures.intro')}</p>
      {measures.length === 0 ? (
        <p>{t('settings.schoolMeasures.none')}</p>
      ) : (
        <ul className="school-measures">
          {measures.map((measure) =>
            editing === measure.id ? (
              <li key={measure.id}>
                <RewordMeasure
                  measure={measure}
                  onCancel={() => closeEditing(measure.id)}
                  onSaved={(text) => {
                    setMessage(text === measure.text ? '' : t('settings.schoolMeasures.saved', { text }));
                    closeEditing(measure.id);
                  }}
                />
              </li>
            ) : (
              <li key={measure.id}>
                <span>{measure.text}</span>
                <span className="school-measures__actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    ref={(button) => {
                      if (button && returnFocus.current === measure.id) {
                        returnFocus.current = null;
                        button.focus();
                      }
                    }}
                    aria-label={t('settings.schoolMeasures.editItem', { text: measure.text })}
                    onClick={() => {
                      setMessage('');
                      setEditing(measure.id);
                    }}
                  >
                    {t('settings.schoolMeasures.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={t('settings.schoolMeasures.removeItem', { text: measure.text })}
                    onClick={() => setRemoving(measure)}
                  >
                    {t('settings.schoolMeasures.remove')}
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      <p role="status">{message}</p>
      {removing ? (
        <ConfirmDialog
          message={t('settings.schoolMeasures.confirm', { text: removing.text })}
          confirmLabel={t('settings.schoolMeasures.yes')}
          cancelLabel={t('start.cancel')}
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}

/**
 * One school measure in new words: checked as a new measure is (not empty, not too long,
 * not the words of another), then saved to the settings. If the save fails the form stays
 * open with the words, and says so.
 */
function RewordMeasure({
  measure,
  onCancel,
  onSaved,
}: {
  measure: CustomMeasure;
  onCancel(): void;
  onSaved(text: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(measure.text);
  const [problem, setProblem] = useState<CustomMeasureProblem | 'failed' | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    // The list as stored now, so a change made meanwhile (another measure removed) is kept.
    const stored = useLibrary.getState().settings.schoolMeasures;
    const result = rewordCustomMeasure(stored, measure.id, text);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    if (result.measures === stored) {
      onSaved(measure.text);
      return;
    }
    updateSettings({ schoolMeasures: result.measures })
      .then(() => onSaved(text.trim()))
      .catch(() => setProblem('failed'));
  };

  return (
    <form
      className="school-measures__form"
      aria-label={t('settings.schoolMeasures.editItem', { text: measure.text })}
      noValidate
      onSubmit={save}
    >
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('settings.schoolMeasures.field')}</label>
        <input
          id={`${id}-text`}
          type="text"
          value={text}
          // Focus goes to the words as the form opens, where the adult means to type.
          autoFocus
          aria-invalid={problem && problem !== 'failed' ? true : undefined}
          aria-describedby={`${id}-error`}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
        <p id={`${id}-error`} className="field__error" role="alert">
          {problem === 'failed'
            ? t('settings.failed')
            : problem
              ? t(`settings.schoolMeasures.problem.${problem}`, { max: CUSTOM_MEASURE_MAX_LENGTH })
              : ''}
        </p>
      </div>
      <span className="school-measures__actions">
        <button type="submit" className="button button--primary">
          {t('settings.schoolMeasures.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('start.cancel')}
        </button>
      </span>
    </form>
  );
}

export default function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useLibrary((state) => state.settings);
  const [failed, setFailed] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);

  const save = (change: Parameters<typeof updateSettings>[0]) => {
    setFailed(false);
    updateSettings(change).catch(() => setFailed(true));
  };

  return (
    <div className="settings">
      <header className="start__header">
        <h1>{t('settings.heading')}</h1>
        <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'start' })}>
          {t('app.backToList')}
        </button>
      </header>
      {failed ? (
        <p className="error" role="alert">
          {t('settings.failed')}
        </p>
      ) : null}

      <section className="settings__section" aria-labelledby="lock-heading">
        <h2 id="lock-heading">{t('settings.lock.heading')}</h2>
        <label className="field">
          <span>{t('settings.lock.inactivity')}</span>
          <select
            value={settings.inactivityMinutes}
            onChange={(event) =>
              save({ inactivityMinutes: Number(event.target.value) as (typeof INACTIVITY_MINUTES)[number] })
            }
          >
            {INACTIVITY_MINUTES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('settings.minutes', { count: minutes })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.reminder')}</span>
          <select
            value={settings.reminderDays}
            onChange={(event) => save({ reminderDays: Number(event.target.value) as (typeof REMINDER_DAYS)[number] })}
          >
            {REMINDER_DAYS.map((days) => (
              <option key={days} value={days}>
                {t('settings.days', { count: days })}
              </option>
            ))}
          </select>
        </label>
      </section>

      <ChangePassphrase />
      <AdultPin />
      <SchoolMeasures />
      <BackupPanel />

      <section className="settings__section" aria-labelledby="erase-heading">
        <h2 id="erase-heading">{t('vault.erase.heading')}</h2>
        <p>{t('vault.erase.intro')}</p>
        <button type="button" className="button button--danger" onClick={() => setConfirmErase(true)}>
          {t('vault.erase.button')}
        </button>
      </section>
      {confirmErase ? (
        <ConfirmDialog
          message={t('vault.erase.confirm')}
          confirmLabel={t('vault.erase.yes')}
          cancelLabel={t('start.cancel')}
          onConfirm={() => {
            setConfirmErase(false);
            eraseEverything()
              .then(() => navigate({ name: 'start' }))
              .catch(() => setFailed(true));
          }}
          onCancel={() => setConfirmErase(false)}
        />
      ) : null}
    </div>
  );
}
