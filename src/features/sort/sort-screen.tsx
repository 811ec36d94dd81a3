/**
 * Sort (pupil): every card in play starts in the deck; the pupil moves each to
 * "Gjelder meg" or "Gjelder ikke meg" by drag or tap, and can move it back. The deck can
 * be narrowed to one deck at a time so a long pile does not overwhelm.
 */

import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdultCardLabel, useCardLabel, useCardPicture } from '../../components/card-label';
import { DropZone, MovableCard, MoveBoard } from '../../components/move-board';
import { StepFrame } from '../../components/step-frame';
import type { CardId, DeckId } from '../../domain/catalog';
import { PILES, type Pile, conversationCards, sortCard } from '../../domain/conversation';
import { QuietFirstRender } from '../../lib/motion';
import { applyToActive, useActiveConversation } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

const DECK_ZONE = 'deck';
type Zone = typeof DECK_ZONE | Pile;

export default function SortScreen() {
  const { t } = useTranslation();
  const conversation = useActiveConversation();
  const cardLabel = useCardLabel(conversation.settings);
  const cardSubLabel = useAdultCardLabel(conversation.settings);
  const cardPicture = useCardPicture(conversation.settings);
  const [deckFilter, setDeckFilter] = useState<DeckId | 'all'>('all');

  const cards = useMemo(() => conversationCards(conversation.settings), [conversation.settings]);
  const decksInPlay = useMemo(() => [...new Set(cards.map((card) => card.deck))], [cards]);
  const inZone = (zone: Zone) => cards.filter((card) => (conversation.piles[card.id] ?? DECK_ZONE) === zone);
  const unsorted = inZone(DECK_ZONE);
  const shownUnsorted = deckFilter === 'all' ? unsorted : unsorted.filter((card) => card.deck === deckFilter);

  const zoneLabel = useCallback(
    (zone: string) => (zone === DECK_ZONE ? t('sort.deck') : t(`sort.${zone as Pile}`)),
    [t],
  );
  const onMove = useCallback(
    (cardId: string, zone: string) =>
      void applyToActive((c, now) => sortCard(c, cardId as CardId, zone === DECK_ZONE ? null : (zone as Pile), now)),
    [],
  );

  return (
    <StepFrame
      step="sort"
      title={t('sort.heading')}
      intro={<p>{t('sort.intro')}</p>}
      onBack={() => void goTo('causes')}
      onNext={() => void goTo('scale')}
    >
      <MoveBoard
        onMove={onMove}
        cardLabel={cardLabel}
        cardSubLabel={cardSubLabel}
        cardPicture={cardPicture}
        zoneLabel={zoneLabel}
      >
        <div className="sort">
          <div className="deck-filter" role="group" aria-label={t('sort.showDeck')}>
            {(['all', ...decksInPlay] as const).map((deck) => (
              <button
                key={deck}
                type="button"
                className="chip"
                aria-pressed={deckFilter === deck}
                onClick={() => setDeckFilter(deck)}
              >
                {deck === 'all' ? t('sort.allDecks') : t(`deck.${deck}`)}
              </button>
            ))}
          </div>
          <DropZone
            zoneId={DECK_ZONE}
            className="zone--deck"
            heading={t('sort.deck')}
            note={unsorted.length > 0 ? t('sort.unsortedCount', { count: unsorted.length }) : t('sort.allSorted')}
          >
            <QuietFirstRender>
              {shownUnsorted.map((card) => (
                <MovableCard key={card.id} cardId={card.id} className={`card--deck-${card.deck}`} />
              ))}
            </QuietFirstRender>
          </DropZone>
          <div className="sort__piles">
            {PILES.map((pile) => {
              const here = inZone(pile);
              return (
                <DropZone key={pile} zoneId={pile} className={`zone--pile zone--${pile}`} heading={t(`sort.${pile}`)}>
                  {here.length === 0 ? <p className="zone__empty">{t('sort.empty')}</p> : null}
                  {here.map((card) => (
                    <MovableCard key={card.id} cardId={card.id} className={`card--deck-${card.deck}`} />
                  ))}
                </DropZone>
              );
            })}
          </div>
        </div>
      </MoveBoard>
    </StepFrame>
  );
}
