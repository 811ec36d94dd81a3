/**
 * Scale (pupil): the cards that apply are placed on 1–10, with the scale's words at both
 * ends. Several cards may share a number; cards move between numbers and back to the tray.
 */

import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdultCardLabel, useCardLabel, useCardPicture } from '../../components/card-label';
import { DropZone, MovableCard, MoveBoard } from '../../components/move-board';
import { Picture } from '../../components/picture';
import { usePresentation } from '../../components/presentation';
import { StepFrame } from '../../components/step-frame';
import type { Card, CardId } from '../../domain/catalog';
import {
  type Conversation,
  type ConversationSettings,
  RATINGS,
  type Rating,
  type ScaleKind,
  conversationCards,
  rateCard,
} from '../../domain/conversation';
import { pictureOf } from '../../lib/pictures';
import { applyToActive, useActivePart } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

const TRAY = 'tray';

const pickSettings = (conversation: Conversation) => conversation.settings;
const pickPiles = (conversation: Conversation) => conversation.piles;
const pickRatings = (conversation: Conversation) => conversation.ratings;

// The screen follows the settings and the piles; a move, which changes only the ratings,
// renders the board (ScaleBoard) and not the frame around it.
export default function ScaleScreen() {
  const { t } = useTranslation();
  const settings = useActivePart(pickSettings);
  const piles = useActivePart(pickPiles);
  const { scaleKind } = settings;

  const applying = useMemo(
    () => conversationCards(settings).filter((card) => piles[card.id] === 'applies'),
    [settings, piles],
  );

  return (
    <StepFrame
      step="scale"
      title={t('scale.heading')}
      intro={<p>{t(`scale.intro.${scaleKind}`)}</p>}
      onBack={goBack}
      onNext={goNext}
    >
      {applying.length === 0 ? <p className="notice">{t('scale.nothingApplies')}</p> : null}
      <ScaleBoard settings={settings} applying={applying} scaleKind={scaleKind} />
    </StepFrame>
  );
}

const goBack = () => void goTo('sort');
const goNext = () => void goTo('explore');

function ScaleBoard({
  settings,
  applying,
  scaleKind,
}: {
  settings: ConversationSettings;
  applying: readonly Card[];
  scaleKind: ScaleKind;
}) {
  const { t } = useTranslation();
  const ratings = useActivePart(pickRatings);
  const cardLabel = useCardLabel(settings);
  const cardSubLabel = useAdultCardLabel(settings);
  const cardPicture = useCardPicture(settings);
  const { pictures } = usePresentation();
  const tray = applying.filter((card) => ratings[card.id] === undefined);
  const byRating = new Map<Rating, Card[]>(RATINGS.map((rating) => [rating, []]));
  for (const card of applying) {
    const rating = ratings[card.id];
    if (rating !== undefined) byRating.get(rating)?.push(card);
  }

  const anchor = useCallback(
    (rating: number) =>
      rating === 10 ? t(`scale.anchor.${scaleKind}.high`) : rating === 1 ? t(`scale.anchor.${scaleKind}.low`) : null,
    [t, scaleKind],
  );
  const zoneLabel = useCallback(
    (zone: string) => {
      if (zone === TRAY) return t('scale.tray');
      const words = anchor(Number(zone));
      return words ? t('scale.numberWithAnchor', { number: zone, anchor: words }) : t('scale.number', { number: zone });
    },
    [t, anchor],
  );
  const onMove = useCallback(
    (cardId: string, zone: string) =>
      void applyToActive((c, now) =>
        rateCard(c, cardId as CardId, zone === TRAY ? null : (Number(zone) as Rating), now),
      ),
    [],
  );

  return (
    <MoveBoard
      onMove={onMove}
      cardLabel={cardLabel}
      cardSubLabel={cardSubLabel}
      cardPicture={cardPicture}
      zoneLabel={zoneLabel}
    >
      <div className="scale">
        <TrayZone cards={tray} heading={t('scale.tray')} empty={t('scale.trayEmpty')} />
        <div className={`scale__numbers scale__numbers--${scaleKind}`}>
          <p className="scale__anchor scale__anchor--low" aria-hidden="true">
            {pictures ? <Picture spec={pictureOf('scale', `${scaleKind}-low`)!} size="face" /> : null}
            <span>1 = {t(`scale.anchor.${scaleKind}.low`)}</span>
          </p>
          <ol className="scale__columns">
            {RATINGS.map((rating) => (
              <li key={rating} className="scale__column">
                <NumberZone rating={rating} cards={byRating.get(rating)!} />
              </li>
            ))}
          </ol>
          <p className="scale__anchor scale__anchor--high" aria-hidden="true">
            {pictures ? <Picture spec={pictureOf('scale', `${scaleKind}-high`)!} size="face" /> : null}
            <span>10 = {t(`scale.anchor.${scaleKind}.high`)}</span>
          </p>
        </div>
      </div>
    </MoveBoard>
  );
}

/**
 * A move changes the cards of two zones, the one left and the one entered. The zones are
 * memoised on the cards they hold (the same cards in the same order), so a drop renders
 * those two again and not the other nine, with their headings and cards.
 */
function sameCards(a: { cards: readonly Card[] }, b: { cards: readonly Card[] }): boolean {
  return a.cards.length === b.cards.length && a.cards.every((card, i) => card === b.cards[i]);
}

const TrayZone = memo(
  function TrayZone({ cards, heading, empty }: { cards: readonly Card[]; heading: string; empty: string }) {
    return (
      <DropZone zoneId={TRAY} className="zone--tray" heading={heading}>
        {cards.length === 0 ? <p className="zone__empty">{empty}</p> : null}
        {cards.map((card) => (
          <MovableCard key={card.id} cardId={card.id} className={`card--deck-${card.deck}`} />
        ))}
      </DropZone>
    );
  },
  (a, b) => sameCards(a, b) && a.heading === b.heading && a.empty === b.empty,
);

const NumberZone = memo(
  function NumberZone({ rating, cards }: { rating: Rating; cards: readonly Card[] }) {
    return (
      <DropZone
        zoneId={String(rating)}
        className={`zone--number zone--number-${rating}`}
        heading={<span className="zone__number">{rating}</span>}
      >
        {cards.map((card) => (
          <MovableCard
            key={card.id}
            cardId={card.id}
            className={`card--small card--deck-${card.deck}`}
            speaker={false}
          />
        ))}
      </DropZone>
    );
  },
  (a, b) => sameCards(a, b) && a.rating === b.rating,
);
