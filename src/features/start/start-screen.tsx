/**
 * The adult's first screen: pupils (by alias) and their conversations on this device,
 * the pupil with the newest conversation first, with progress. Start, resume, or delete
 * with confirmation.
 *
 * A school's tablet can hold hundreds of pupils: the list shows the first
 * `PUPILS_PER_PAGE` of them and "Vis flere elever" the next ones (focus moves to the
 * first of those), and from more than one page on, "Finn elev" narrows the list by alias.
 * Every row is drawn from values worked out once per list, not per row: one date format,
 * the button words, the old-conversation count and each pupil's plan.
 */

import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { type Conversation, STEPS, progress, stepIndex } from '../../domain/conversation';
import { type DeviceSettings, isOld } from '../../domain/device-settings';
import type { Plan } from '../../domain/plan';
import type { Pupil } from '../../domain/pupil';
import { adultLanguage } from '../../lib/adult-language';
import { ADULT_LANGUAGES, type AdultLanguage, switchLanguage } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import {
  currentTime,
  deleteConversation,
  deletePupil,
  lockVault,
  newestPlanByPupil,
  useLibrary,
} from '../../stores/library-store';
import { StoragePanel } from './storage-panel';
import { UpdateBanner } from './update-banner';

/** Pupils shown at first, and added by each "Vis flere elever". */
export const PUPILS_PER_PAGE = 20;

type PendingDelete = { kind: 'conversation'; conversation: Conversation } | { kind: 'pupil'; pupil: Pupil };

interface PupilGroup {
  pupil: Pupil;
  /** Newest first. */
  conversations: Conversation[];
  /** The alias as the search compares it. */
  key: string;
}

/** The words every row uses, looked up once per list. */
interface RowTexts {
  open: string;
  resume: string;
  finished: string;
  deleteConversation: string;
  deletePupil: string;
  openPlan: string;
  old: string;
  /** "Steg n av 8", by step index. */
  steps: readonly string[];
  conversation(date: string): string;
  newWithPupil(alias: string): string;
}

/** Case and accents do not matter when looking for a pupil ("ase" finds "Åse"). */
function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

export default function StartScreen() {
  const { t, i18n } = useTranslation();
  const pupils = useLibrary((state) => state.pupils);
  const conversations = useLibrary((state) => state.conversations);
  const plans = useLibrary((state) => state.plans);
  const settings = useLibrary((state) => state.settings);
  const [lockFailed, setLockFailed] = useState(false);
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [deleteFailed, setDeleteFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PUPILS_PER_PAGE);
  // Old is old as of opening the list; a list left open does not need to tick.
  const [now] = useState(currentTime);
  const list = useRef<HTMLUListElement>(null);
  const focusPupilAt = useRef<number | null>(null);

  const groups = useMemo(() => {
    const byPupil = new Map<string, Conversation[]>();
    for (const conversation of Object.values(conversations)) {
      const own = byPupil.get(conversation.pupilId);
      if (own) own.push(conversation);
      else byPupil.set(conversation.pupilId, [conversation]);
    }
    const latest = (group: PupilGroup) => group.conversations[0]?.updatedAt ?? group.pupil.createdAt;
    return Object.values(pupils)
      .map((pupil): PupilGroup => ({
        pupil,
        conversations: (byPupil.get(pupil.id) ?? []).sort((a, b) => b.createdAt - a.createdAt),
        key: searchKey(pupil.alias),
      }))
      .sort((a, b) => latest(b) - latest(a));
  }, [pupils, conversations]);

  const oldCount = useMemo(
    () => Object.values(conversations).filter((c) => isOld(c.updatedAt, settings, now)).length,
    [conversations, settings, now],
  );

  const planByPupil = useMemo(() => newestPlanByPupil(plans), [plans]);

  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );
  const date = (time: number) => dateFormat.format(time);

  const texts = useMemo(
    (): RowTexts => ({
      open: t('start.open'),
      resume: t('start.resume'),
      finished: t('start.finished'),
      deleteConversation: t('start.deleteConversation'),
      deletePupil: t('start.deletePupil'),
      openPlan: t('review.openPlan'),
      old: t('start.old', { days: settings.reminderDays }),
      steps: STEPS.map((_, index) => t('start.progress', { step: index + 1, total: STEPS.length })),
      conversation: (date) => t('start.conversation', { date }),
      newWithPupil: (alias) => t('start.newWithPupil', { alias }),
    }),
    // `t` is a new function whenever the language or its texts change.
    [t, settings.reminderDays],
  );

  // The search is there from more than one page of pupils on; with fewer (after deleting
  // some), what was typed in it no longer narrows the list.
  const searchable = groups.length > PUPILS_PER_PAGE;
  const needle = searchable ? searchKey(query) : '';
  const matching = useMemo(
    () => (needle === '' ? groups : groups.filter((group) => group.key.includes(needle))),
    [groups, needle],
  );
  const visible = matching.slice(0, shown);

  // After "Vis flere elever": focus to the first pupil it brought, where reading goes on.
  useEffect(() => {
    if (focusPupilAt.current === null) return;
    list.current?.children[focusPupilAt.current]?.querySelector<HTMLElement>('.pupil__alias')?.focus();
    focusPupilAt.current = null;
  }, [shown]);

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
      {searchable ? (
        <div className="start__find">
          <label className="field field--inline">
            <span>{t('start.findPupil')}</span>
            <input
              type="search"
              value={query}
              // Aliases stay out of the browser's form history.
              autoComplete="off"
              onChange={(event) => {
                setQuery(event.target.value);
                setShown(PUPILS_PER_PAGE);
              }}
            />
          </label>
          {/* Spoken when it changes: after a search, or after "Vis flere elever". */}
          <p className="start__count" aria-live="polite">
            {matching.length === 0
              ? t('start.noMatch', { query: query.trim() })
              : visible.length < matching.length || needle !== ''
                ? t('start.showing', { shown: visible.length, count: matching.length })
                : null}
          </p>
        </div>
      ) : null}
      <ul className="pupil-list" ref={list}>
        {visible.map(({ pupil, conversations: own }) => (
          <PupilItem
            key={pupil.id}
            pupil={pupil}
            conversations={own}
            plan={planByPupil.get(pupil.id)}
            texts={texts}
            dateFormat={dateFormat}
            settings={settings}
            now={now}
            onDelete={setPending}
          />
        ))}
      </ul>
      {visible.length < matching.length ? (
        <button
          type="button"
          className="button button--secondary start__more"
          onClick={() => {
            focusPupilAt.current = visible.length;
            setShown(visible.length + PUPILS_PER_PAGE);
          }}
        >
          {t('start.showMore')}
        </button>
      ) : null}
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

interface PupilItemProps {
  pupil: Pupil;
  conversations: readonly Conversation[];
  plan: Plan | undefined;
  texts: RowTexts;
  dateFormat: Intl.DateTimeFormat;
  settings: DeviceSettings;
  now: number;
  onDelete(pending: PendingDelete): void;
}

/**
 * One pupil with their conversations. Drawn again only when something of its own
 * changed, so showing more pupils, or a dialog, leaves the ones on screen alone.
 */
const PupilItem = memo(function PupilItem({
  pupil,
  conversations,
  plan,
  texts,
  dateFormat,
  settings,
  now,
  onDelete,
}: PupilItemProps) {
  return (
    <li className="pupil">
      {/* Focusable from script only: "Vis flere elever" moves focus here. */}
      <h2 className="pupil__alias" tabIndex={-1}>
        {pupil.alias}
      </h2>
      <ul className="conversation-list">
        {conversations.map((conversation) => {
          const date = dateFormat.format(conversation.createdAt);
          const finished = conversation.finishedAt !== null;
          const action = finished ? texts.open : texts.resume;
          return (
            <li key={conversation.id} className="conversation-row">
              <span className="conversation-row__date">
                {texts.conversation(date)}
                {isOld(conversation.updatedAt, settings, now) ? <span className="tag">{texts.old}</span> : null}
              </span>
              <span className="conversation-row__progress">
                <progress max={1} value={progress(conversation)} aria-hidden="true" />
                {finished ? texts.finished : texts.steps[stepIndex(conversation.step)]}
              </span>
              <span className="conversation-row__actions">
                <button
                  type="button"
                  className="button button--primary"
                  aria-label={`${action}: ${pupil.alias}, ${date}`}
                  onClick={() =>
                    navigate(
                      finished
                        ? { name: 'review', id: conversation.id }
                        : { name: 'conversation', id: conversation.id },
                    )
                  }
                >
                  {action}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`${texts.deleteConversation}: ${pupil.alias}, ${date}`}
                  onClick={() => onDelete({ kind: 'conversation', conversation })}
                >
                  {texts.deleteConversation}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <div className="pupil__actions">
        {plan ? (
          <button
            type="button"
            className="button button--primary"
            aria-label={`${texts.openPlan}: ${pupil.alias}`}
            onClick={() => navigate({ name: 'plan', id: plan.id, view: 'edit' })}
          >
            {texts.openPlan}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => navigate({ name: 'setup', pupilId: pupil.id })}
        >
          {texts.newWithPupil(pupil.alias)}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-label={`${texts.deletePupil}: ${pupil.alias}`}
          onClick={() => onDelete({ kind: 'pupil', pupil })}
        >
          {texts.deletePupil}
        </button>
      </div>
    </li>
  );
});
