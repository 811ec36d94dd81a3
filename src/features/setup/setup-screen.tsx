/**
 * Setup (adult): who the pupil is (alias only), grade, display mode, the pupil's
 * language, the scale, teacher names, custom cards and decks. Nothing is stored until
 * every field is valid; then the pupil and conversation are saved together.
 *
 * A custom card can get a picture from the bundled set or a photo taken or chosen on the
 * tablet; it is part of the card, so it is saved with the settings like the text.
 */

import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Picture } from '../../components/picture';
import { RadioFieldset } from '../../components/radio-fieldset';
import {
  CUSTOM_CARD_MAX_LENGTH,
  type CustomCard,
  type CustomCardId,
  type CustomCardPicture,
  MAX_CUSTOM_CARDS,
  SELECTABLE_DECK_IDS,
  type SelectableDeckId,
} from '../../domain/catalog';
import {
  type ConversationSettings,
  DISPLAY_MODES,
  type DisplayMode,
  SCALE_KINDS,
  type ScaleKind,
  TEACHER_NAME_MAX_LENGTH,
  defaultDisplayMode,
} from '../../domain/conversation';
import { ALIAS_MAX_LENGTH, checkAlias } from '../../domain/pupil';
import { checkCustomCard, checkGrade, checkTeacherName, createCustomCard } from '../../domain/setup';
import { LANGUAGES, type Language, isLanguage } from '../../lib/i18n';
import { customPictureSpec } from '../../lib/pictures';
import { navigate } from '../../lib/router';
import { startConversation, useLibrary } from '../../stores/library-store';
import { PicturePanel } from './picture-panel';

type Errors = Partial<Record<'alias' | 'grade' | 'teachers' | 'decks' | 'custom' | 'save', string>>;

export default function SetupScreen({ pupilId }: { pupilId: string | null }) {
  const { t, i18n } = useTranslation();
  const ids = { alias: useId(), grade: useId(), custom: useId(), readAloud: useId(), errors: useId() };
  const pupil = useLibrary((state) => (pupilId ? state.pupils[pupilId] : undefined));
  // A new conversation with the same pupil starts from the last one's setup.
  const previous = useLibrary((state) =>
    pupilId
      ? Object.values(state.conversations)
          .filter((c) => c.pupilId === pupilId)
          .sort((a, b) => b.createdAt - a.createdAt)[0]?.settings
      : undefined,
  );

  const [alias, setAlias] = useState('');
  const [grade, setGrade] = useState(previous ? String(previous.grade) : '');
  const [displayMode, setDisplayMode] = useState<DisplayMode | null>(previous?.displayMode ?? null);
  const [readAloud, setReadAloud] = useState(previous?.readAloud ?? false);
  const [language, setLanguage] = useState<Language>(() => {
    const preferred = previous?.language ?? i18n.language;
    return isLanguage(preferred) ? preferred : 'nb';
  });
  const [scaleKind, setScaleKind] = useState<ScaleKind>(previous?.scaleKind ?? 'trivsel');
  const [teacherNames, setTeacherNames] = useState<[string, string, string]>(
    previous ? [...previous.teacherNames] : ['', '', ''],
  );
  const [customCards, setCustomCards] = useState<CustomCard[]>(previous ? [...previous.customCards] : []);
  const [customText, setCustomText] = useState('');
  const [pictureFor, setPictureFor] = useState<CustomCardId | null>(null);
  const pictureButtons = useRef(new Map<string, HTMLButtonElement>());
  const [decks, setDecks] = useState<SelectableDeckId[]>(previous ? [...previous.decks] : [...SELECTABLE_DECK_IDS]);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const gradeNumber = checkGrade(grade) === null ? Number(grade) : null;
  const effectiveDisplayMode = displayMode ?? defaultDisplayMode(gradeNumber ?? 10);

  const addCustomCard = () => {
    const problem = checkCustomCard(customText, customCards);
    if (problem) {
      setErrors((e) => ({
        ...e,
        custom: t(`setup.errors.custom.${problem}`, {
          max: problem === 'too-many' ? MAX_CUSTOM_CARDS : CUSTOM_CARD_MAX_LENGTH,
        }),
      }));
      return;
    }
    setCustomCards((cards) => [...cards, createCustomCard(customText, crypto.randomUUID())]);
    setCustomText('');
    setErrors(({ custom: _dropped, ...rest }) => rest);
  };

  const setPicture = (id: CustomCardId, picture: CustomCardPicture | null) =>
    setCustomCards((cards) => cards.map((card) => (card.id === id ? { ...card, picture } : card)));

  const closePicturePanel = (id: CustomCardId) => {
    setPictureFor(null);
    pictureButtons.current.get(id)?.focus();
  };

  const validate = (): Errors => {
    const found: Errors = {};
    if (!pupil) {
      const aliasProblem = checkAlias(alias);
      if (aliasProblem) found.alias = t(`setup.errors.alias.${aliasProblem}`, { max: ALIAS_MAX_LENGTH });
    }
    const gradeProblem = checkGrade(grade);
    if (gradeProblem) found.grade = t(`setup.errors.grade.${gradeProblem}`);
    if (teacherNames.some((name) => checkTeacherName(name)))
      found.teachers = t('setup.errors.teacher', { max: TEACHER_NAME_MAX_LENGTH });
    if (decks.length === 0 && customCards.length === 0) found.decks = t('setup.errors.decks');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || saving) return;
    const settings: ConversationSettings = {
      grade: Number(grade),
      displayMode: effectiveDisplayMode,
      readAloud,
      language,
      scaleKind,
      teacherNames: teacherNames.map((name) => name.trim()) as [string, string, string],
      customCards,
      decks,
    };
    setSaving(true);
    try {
      const conversation = await startConversation({
        pupil: pupil ? { id: pupil.id } : { alias },
        settings,
      });
      navigate({ name: 'conversation', id: conversation.id });
    } catch {
      setErrors({ save: t('setup.errors.saveFailed') });
      setSaving(false);
    }
  };

  const errorList = useMemo(() => Object.values(errors), [errors]);
  const described = (key: keyof Errors) => (errors[key] ? `${ids.errors}-${key}` : undefined);
  const errorText = (key: keyof Errors) =>
    errors[key] ? (
      <p id={`${ids.errors}-${key}`} className="field__error">
        {errors[key]}
      </p>
    ) : null;

  return (
    <form className="setup" noValidate onSubmit={(event) => void submit(event)}>
      <h1>{t('setup.heading')}</h1>
      <p>{t('setup.intro')}</p>

      {errorList.length > 0 ? (
        <div className="error-summary" role="alert">
          <p>{t('setup.errors.summary')}</p>
          <ul>
            {errorList.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <fieldset className="fieldset">
        <legend>{t('setup.pupilLegend')}</legend>
        {pupil ? (
          <p className="setup__pupil">{pupil.alias}</p>
        ) : (
          <div className="field">
            <label htmlFor={ids.alias}>{t('setup.alias')}</label>
            <p className="field__hint" id={`${ids.alias}-hint`}>
              {t('setup.aliasHint')}
            </p>
            <input
              id={ids.alias}
              value={alias}
              autoComplete="off"
              aria-invalid={errors.alias ? true : undefined}
              aria-describedby={[`${ids.alias}-hint`, described('alias')].filter(Boolean).join(' ')}
              onChange={(event) => setAlias(event.target.value)}
            />
            {errorText('alias')}
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.grade}>{t('setup.grade')}</label>
          <input
            id={ids.grade}
            value={grade}
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={errors.grade ? true : undefined}
            aria-describedby={described('grade')}
            onChange={(event) => setGrade(event.target.value)}
          />
          {errorText('grade')}
        </div>
      </fieldset>

      <RadioFieldset
        legend={t('setup.displayMode')}
        options={DISPLAY_MODES}
        value={effectiveDisplayMode}
        label={(mode) => t(`setup.displayModes.${mode}`)}
        onChange={setDisplayMode}
      />
      <div className="fieldset fieldset--single">
        <label className="option">
          <input
            type="checkbox"
            checked={readAloud}
            aria-describedby={`${ids.readAloud}-hint`}
            onChange={(event) => setReadAloud(event.target.checked)}
          />
          <span>{t('setup.readAloud')}</span>
        </label>
        <p className="field__hint" id={`${ids.readAloud}-hint`}>
          {t('setup.readAloudHint')}
        </p>
      </div>
      <RadioFieldset
        legend={t('setup.language')}
        options={LANGUAGES}
        value={language}
        label={(code) => t(`language.${code}`)}
        optionLang={(code) => code}
        onChange={setLanguage}
        hint={t('setup.languageUnreviewed')}
      />
      <RadioFieldset
        legend={t('setup.scaleKind')}
        options={SCALE_KINDS}
        value={scaleKind}
        label={(kind) => t(`setup.scaleKinds.${kind}`)}
        onChange={setScaleKind}
      />

      <fieldset className="fieldset">
        <legend>{t('setup.teachersLegend')}</legend>
        {teacherNames.map((name, index) => (
          <label key={index} className="field">
            <span>{t('setup.teacherName', { number: index + 1 })}</span>
            <input
              value={name}
              autoComplete="off"
              aria-invalid={checkTeacherName(name) ? true : undefined}
              aria-describedby={described('teachers')}
              onChange={(event) =>
                setTeacherNames((names) => names.map((n, i) => (i === index ? event.target.value : n)) as typeof names)
              }
            />
          </label>
        ))}
        {errorText('teachers')}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('setup.customLegend')}</legend>
        <p className="field__hint">{t('setup.customHint')}</p>
        <div className="field field--row">
          <label htmlFor={ids.custom}>{t('setup.customText')}</label>
          <input
            id={ids.custom}
            value={customText}
            autoComplete="off"
            aria-invalid={errors.custom ? true : undefined}
            aria-describedby={described('custom')}
            onChange={(event) => setCustomText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addCustomCard();
              }
            }}
          />
          <button type="button" className="button button--secondary" onClick={addCustomCard}>
            {t('setup.addCustom')}
          </button>
        </div>
        {errorText('custom')}
        {customCards.length > 0 ? (
          <ul className="custom-cards">
            {customCards.map((card) => {
              const spec = customPictureSpec(card.picture);
              const open = pictureFor === card.id;
              const panelId = `${ids.custom}-picture-${card.id}`;
              return (
                <li key={card.id} className="custom-card">
                  <span className="custom-card__label">
                    {spec ? <Picture spec={spec} size="small" /> : null}
                    <span>{card.text}</span>
                  </span>
                  <span className="custom-card__actions">
                    <button
                      ref={(button) => {
                        if (button) pictureButtons.current.set(card.id, button);
                        else pictureButtons.current.delete(card.id);
                      }}
                      type="button"
                      className="button button--quiet"
                      aria-expanded={open}
                      aria-controls={open ? panelId : undefined}
                      onClick={() => (open ? closePicturePanel(card.id) : setPictureFor(card.id))}
                    >
                      {t('setup.choosePicture', { text: card.text })}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setCustomCards((cards) => cards.filter((c) => c.id !== card.id))}
                    >
                      {t('setup.removeCustom', { text: card.text })}
                    </button>
                  </span>
                  {open ? (
                    <PicturePanel
                      id={panelId}
                      card={card}
                      onChange={(picture) => setPicture(card.id, picture)}
                      onClose={() => closePicturePanel(card.id)}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
      </fieldset>

      <fieldset className="fieldset" aria-describedby={described('decks')}>
        <legend>{t('setup.decksLegend')}</legend>
        {SELECTABLE_DECK_IDS.map((deck) => (
          <label key={deck} className="option">
            <input
              type="checkbox"
              checked={decks.includes(deck)}
              onChange={(event) =>
                setDecks((current) =>
                  event.target.checked
                    ? SELECTABLE_DECK_IDS.filter((d) => d === deck || current.includes(d))
                    : current.filter((d) => d !== deck),
                )
              }
            />
            <span>{t(`deck.${deck}`)}</span>
          </label>
        ))}
        {errorText('decks')}
      </fieldset>

      {errorText('save')}
      <div className="setup__actions">
        <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'start' })}>
          {t('setup.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('setup.start')}
        </button>
      </div>
    </form>
  );
}
