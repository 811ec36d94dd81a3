/**
 * Scale (pupil): the cards that apply are placed on 1–10, with the scale's words at both
 * ends. Several cards may share a number; cards move between numbers and back to the tray.
 */

import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdultCardLabel, useCardLabel, useCardPicture } from '../../components/card-label';
import { DropZone, MovableCard, MoveBoard } from '../../components/move-board';
import { Picture } from '../../components/picture';
import { usePresentation } from '../../components/presentation';
import { StepFrame } from '../../components/step-frame';
import type { CardId } from '../../domain/catalog';
import { RATINGS, type Rating, conversationCards, rateCard } from '../../domain/conversation';
import { pictureOf } from '../../lib/pictures';
import { applyToActive, useActiveConversation } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

const TRAY = 'tray';

export default function ScaleScreen() {
  const { t } = useTranslation();
  const conversation = useActiveConversation();
  const { scaleKind } = conversation.settings;
  const cardLabel = useCardLabel(conversation.settings);
  const cardSubLabel = useAdultCardLabel(conversation.settings);
  const cardPicture = useCardPicture(conversation.settings);
  const { pictures } = usePresentation();

  const applying = useMemo(
    () => conversationCards(conversation.settings).filter((card) => conversation.piles[card.id] === 'applies'),
    [conversation.settings, conversation.piles],
  );
  const tray = applying.filter((card) => conversation.ratings[card.id] === undefined);

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
    <StepFrame
      step="scale"
      title={t('scale.heading')}
      intro={<p>{t(`scale.intro.${scaleKind}`)}</p>}
      onBack={() => void goTo('sort')}
      onNext={() => void goTo('explore')}
    >
      {applying.length === 0 ? <p className="notice">{t('scale.nothingApplies')}</p> : null}
      <MoveBoard
        onMove={onMove}
        cardLabel={cardLabel}
        cardSubLabel={cardSubLabel}
        cardPicture={cardPicture}
        zoneLabel={zoneLabel}
      >
        <div className="scale">
          <DropZone zoneId={TRAY} className="zone--tray" heading={t('scale.tray')}>
            {tray.length === 0 ? <p className="zone__empty">{t('scale.trayEmpty')}</p> : null}
            {tray.map((card) => (
              <MovableCard key={card.id} cardId={card.id} className={`card--deck-${card.deck}`} />
            ))}
          </DropZone>
          <div className={`scale__numbers scale__numbers--${scaleKind}`}>
            <p className="scale__anchor scale__anchor--low" aria-hidden="true">
              {pictures ? <Picture spec={pictureOf('scale', `${scaleKind}-low`)!} size="face" /> : null}
              <span>1 = {t(`scale.anchor.${scaleKind}.low`)}</span>
            </p>
            <ol className="scale__columns">
              {RATINGS.map((rating) => (
                <li key={rating} className="scale__column">
                  <DropZone
                    zoneId={String(rating)}
                    className={`zone--number zone--number-${rating}`}
                    heading={<span className="zone__number">{rating}</span>}
                  >
                    {applying
                      .filter((card) => conversation.ratings[card.id] === rating)
                      .map((card) => (
                        <MovableCard
                          key={card.id}
                          cardId={card.id}
                          className={`card--small card--deck-${card.deck}`}
                          speaker={false}
                        />
                      ))}
                  </DropZone>
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
    </StepFrame>
  );
}
