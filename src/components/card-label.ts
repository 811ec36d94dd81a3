import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isBuiltInCardId, isTeacherCardId } from '../domain/catalog';
import { type ConversationSettings, findCard, teacherName } from '../domain/conversation';
import { adultLanguage } from '../lib/adult-language';

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
 * Card labels in the current language (or the given one, already loaded): custom text as
 * typed, named teachers by name.
 */
export function useCardLabel(settings: ConversationSettings, language?: string): (cardId: string) => string {
  const { t, i18n } = useTranslation();
  const fixed = useMemo(() => (language ? i18n.getFixedT(language) : t), [i18n, language, t]);
  return useCallback((cardId: string) => labelFor(fixed, settings, cardId), [settings, fixed]);
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
    return (cardId: string) => {
      const label = labelFor(adultT, settings, cardId);
      return label === labelFor(t, settings, cardId) ? null : label;
    };
  }, [adult, i18n, settings, t]);
}
