import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isBuiltInCardId, isTeacherCardId } from '../domain/catalog';
import { type ConversationSettings, findCard, teacherName } from '../domain/conversation';

/** Card labels in the current language: custom text as typed, named teachers by name. */
export function useCardLabel(settings: ConversationSettings): (cardId: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (cardId: string) => {
      if (isTeacherCardId(cardId)) {
        const name = teacherName(settings, cardId);
        return name ? t('card.teacherNamed', { name }) : t(`card.${cardId}`);
      }
      if (isBuiltInCardId(cardId)) return t(`card.${cardId}`);
      const card = findCard(settings, cardId);
      return card?.kind === 'custom' ? card.text : cardId;
    },
    [settings, t],
  );
}
