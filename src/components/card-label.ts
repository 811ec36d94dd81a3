import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { TEACHER_CARD_IDS, isBuiltInCardId, isTeacherCardId } from '../domain/catalog';
import { type ConversationSettings, findCard, teacherName } from '../domain/conversation';
import { adultLanguage } from '../lib/adult-language';
import { type PictureSpec, customPictureSpec, pictureOf } from '../lib/pictures';

function labelFor(t: TFunction, settings: ConversationSettings, cardId: string): string {
  if (isTeacherCardId(cardId)) {
    const name = teacherName(settings, cardId);
    return name ? t('card.teacherNamed', { name }) : t(`card.${cardId}`);
  }
  if (isBuiltInCardId(cardId)) return t(`card.${cardId}`);
  const card = findCard(settings, cardId);
  return card?.kind === 'custom' ? card.text : cardId;
}

/**
 * A card's label, worked out once per card: the move board asks for the same labels on
 * every drag (the card lifted, the announcements, the card dropped), and an i18next lookup
 * is not free on a cheap tablet. A new language or new settings make a new function.
 */
function remembered<T>(label: (cardId: string) => T): (cardId: string) => T {
  const known = new Map<string, T>();
  return (cardId) => {
    if (!known.has(cardId)) known.set(cardId, label(cardId));
    return known.get(cardId) as T;
  };
}

/**
 * Card labels in the current language (or the given one, already loaded): custom text as
 * typed, named teachers by name.
 */
export function useCardLabel(settings: ConversationSettings, language?: string): (cardId: string) => string {
  const { t, i18n } = useTranslation();
  const fixed = useMemo(() => (language ? i18n.getFixedT(language) : t), [i18n, language, t]);
  return useMemo(() => remembered((cardId) => labelFor(fixed, settings, cardId)), [settings, fixed]);
}

/**
 * The card's label in the adult's language, shown small beneath the pupil's so the adult
 * can follow a conversation in another language. Null when the two languages are the
 * same; a card whose label is the same in both (custom words, as the pupil wrote them)
 * gets none.
 */
export function useAdultCardLabel(settings: ConversationSettings): ((cardId: string) => string | null) | null {
  const { t, i18n } = useTranslation();
  const adult = adultLanguage.get();
  return useMemo(() => {
    if (i18n.language === adult || !i18n.hasResourceBundle(adult, 'translation')) return null;
    const adultT = i18n.getFixedT(adult);
    return remembered((cardId) => {
      const label = labelFor(adultT, settings, cardId);
      return label === labelFor(t, settings, cardId) ? null : label;
    });
  }, [adult, i18n, settings, t]);
}

/** The first letter of a name, for the teacher card's picture. */
function initialOf(name: string): string {
  return ([...name.trim()][0] ?? '').toLocaleUpperCase();
}

/**
 * The picture of a card: the set's picture for built-in cards, a teacher with the typed
 * name's initial (or the card's number), a custom card's chosen glyph or photo. Null for a
 * custom card without one.
 */
export function cardPicture(settings: ConversationSettings, cardId: string): PictureSpec | null {
  if (isTeacherCardId(cardId)) {
    const name = teacherName(settings, cardId);
    return { glyphs: ['teacher'], initial: name ? initialOf(name) : String(TEACHER_CARD_IDS.indexOf(cardId) + 1) };
  }
  if (isBuiltInCardId(cardId)) return pictureOf('cards', cardId);
  const card = findCard(settings, cardId);
  return card?.kind === 'custom' ? customPictureSpec(card.picture) : null;
}

/** Card pictures in picture mode; null in text mode, where cards show words only. */
export function useCardPicture(settings: ConversationSettings): ((cardId: string) => PictureSpec | null) | null {
  return useMemo(
    () => (settings.displayMode === 'pictures' ? (cardId: string) => cardPicture(settings, cardId) : null),
    [settings],
  );
}
