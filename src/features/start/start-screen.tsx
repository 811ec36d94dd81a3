/**
 * The adult's first screen: pupils (by alias) and their conversations on this device,
 * newest first, with progress. Start, resume, or delete with confirmation.
 */

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { type Conversation, STEPS, progress, stepIndex } from '../../domain/conversation';
import { isOld } from '../../domain/device-settings';
import type { Pupil } from '../../domain/pupil';
import { adultLanguage } from '../../lib/adult-language';
import { ADULT_LANGUAGES, type AdultLanguage, switchLanguage } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import {
  currentTime,
  deleteConversation,
  deletePupil,
  lockVault,
  planOfPupil,
  useLibrary,
} from '../../stores/library-store';
import { StoragePanel } from './storage-panel';
import { UpdateBanner } from './update-banner';

type PendingDelete = { kind: 'conversation'; conversation: Conversation } | { kind: 'pupil'; pupil: Pupil };

export default function StartScreen() {
  const { t, i18n } = useTranslation();
  const pupils = useLibrary((state) => state.pupils);
  const conversations = useLibrary((state) => state.conversations);
  const settings = useLibrary((state) => state.settings);
  const [lockFailed, setLockFailed] = useState(false);
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [deleteFailed, setDeleteFailed] = useState(false);

  const groups = useMemo(() => {
    const byPupil = new Map<string, Conversation[]>();
    for (const conversation of Object.values(conversations)) {
      byPupil.set(conversation.pupilId, [...(byPupil.get(conversation.pupilId) ?? []), conversation]);
    }
    return Object.values(pupils)
      .map((pupil) => ({
        pupil,
        conversations: (byPupil.get(pupil.id) ?? []).sort((a, b) => b.createdAt - a.createdAt),
      }))
      .sort(
        (a, b) =>
          (b.conversations[0]?.updatedAt ?? b.pupil.createdAt) - (a.conversations[0]?.updatedAt ?? a.pupil.createdAt),
      );
  }, [pupils, conversations]);

  const now = currentTime();
  const oldCount = Object.values(conversations).filter((c) => isOld(c.updatedAt, settings, now)).length;

  const date = (time: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(time);

  const confirmDelete = async () => {
    if (!pending) return;
    setDeleteFailed(false);
    try {
      if (pending.kind === 'conversation') await deleteConversation(pending.conversation.id);
      else await deletePupil(pending.pupil.id);
    } catch {
      setDeleteFailed(true);
    }
    setPending(null);
  };

  return (
    <div className="start">
      <header className="start__header">
        <h1>{t('start.heading')}</h1>
        <label className="field field--inline">
          <span>{t('language.adultLabel')}</span>
          <select
            value={i18n.language}
            onChange={(event) => {
              const language = event.target.value as AdultLanguage;
              adultLanguage.set(language);
              void switchLanguage(language);
            }}
          >
            {ADULT_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'settings' })}>
          {t('settings.open')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'about' })}>
          {t('start.about')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void lockVault().then((locked) => setLockFailed(!locked))}
        >
          {t('vault.lock.now')}
        </button>
      </header>
      {lockFailed ? (
        <p className="error" role="alert">
          {t('vault.lock.failed')}
        </p>
      ) : null}
      <UpdateBanner />
      <p>{t('start.intro')}</p>
      <p className="start__backup">
        {settings.lastBackupAt === null ? t('backup.never') : t('backup.last', { date: date(settings.lastBackupAt) })}
      </p>
      {oldCount > 0 ? (
        <p className="notice notice--inline" role="status">
          {t('start.oldReminder', { count: oldCount, days: settings.reminderDays })}
        </p>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        onClick={() => navigate({ name: 'setup', pupilId: null })}
      >
        {t('start.newConversation')}
      </button>
      {deleteFailed ? (
        <p className="error" role="alert">
          {t('start.deleteFailed')}
        </p>
      ) : null}
      {groups.length === 0 ? <p className="start__empty">{t('start.empty')}</p> : null}
      <ul className="pupil-list">
        {groups.map(({ pupil, conversations: list }) => (
          <li key={pupil.id} className="pupil">
            <h2 className="pupil__alias">{pupil.alias}</h2>
            <ul className="conversation-list">
              {list.map((conversation) => (
                <li key={conversation.id} className="conversation-row">
                  <span className="conversation-row__date">
                    {t('start.conversation', { date: date(conversation.createdAt) })}
                    {isOld(conversation.updatedAt, settings, now) ? (
                      <span className="tag">{t('start.old', { days: settings.reminderDays })}</span>
                    ) : null}
                  </span>
                  <span className="conversation-row__progress">
                    <progress max={1} value={progress(conversation)} aria-hidden="true" />
                    {conversation.finishedAt !== null
                      ? t('start.finished')
                      : t('start.progress', { step: stepIndex(conversation.step) + 1, total: STEPS.length })}
                  </span>
                  <span className="conversation-row__actions">
                    <button
                      type="button"
                      className="button button--primary"
                      aria-label={`${conversation.finishedAt !== null ? t('start.open') : t('start.resume')}: ${pupil.alias}, ${date(conversation.createdAt)}`}
                      onClick={() =>
                        navigate(
                          conversation.finishedAt !== null
                            ? { name: 'review', id: conversation.id }
                            : { name: 'conversation', id: conversation.id },
                        )
                      }
                    >
                      {conversation.finishedAt !== null ? t('start.open') : t('start.resume')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`${t('start.deleteConversation')}: ${pupil.alias}, ${date(conversation.createdAt)}`}
                      onClick={() => setPending({ kind: 'conversation', conversation })}
                    >
                      {t('start.deleteConversation')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
            <div className="pupil__actions">
              <PlanButton pupil={pupil} />
              <button
                type="button"
                className="button button--secondary"
                onClick={() => navigate({ name: 'setup', pupilId: pupil.id })}
              >
                {t('start.newWithPupil', { alias: pupil.alias })}
              </button>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`${t('start.deletePupil')}: ${pupil.alias}`}
                onClick={() => setPending({ kind: 'pupil', pupil })}
              >
                {t('start.deletePupil')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <StoragePanel />
      {pending ? (
        <ConfirmDialog
          message={
            pending.kind === 'conversation'
              ? t('start.confirmDeleteConversation', {
                  alias: pupils[pending.conversation.pupilId]?.alias ?? '',
                  date: date(pending.conversation.createdAt),
                })
              : t('start.confirmDeletePupil', { alias: pending.pupil.alias })
          }
          confirmLabel={t('start.confirm')}
          cancelLabel={t('start.cancel')}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setPending(null)}
        />
      ) : null}
    </div>
  );
}

/** The way back to a pupil's step-up plan for follow-up, once there is one. */
function PlanButton({ pupil }: { pupil: Pupil }) {
  const { t } = useTranslation();
  const plan = useLibrary((state) => planOfPupil(state, pupil.id));
  if (!plan) return null;
  return (
    <button
      type="button"
      className="button button--primary"
      aria-label={`${t('review.openPlan')}: ${pupil.alias}`}
      onClick={() => navigate({ name: 'plan', id: plan.id, view: 'edit' })}
    >
      {t('review.openPlan')}
    </button>
  );
}
