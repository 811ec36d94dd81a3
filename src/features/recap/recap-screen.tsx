/**
 * Recap (pupil): the hardest situations, the good things and the wishes, simply shown,
 * with "Er dette riktig?". Yes hands over to the adult; no lets the pupil go back to any
 * step and change it, which the summary will record.
 */

import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardLabel, useCardPicture } from '../../components/card-label';
import { Picture } from '../../components/picture';
import { StepFrame } from '../../components/step-frame';
import { CAUSE_IDS } from '../../domain/catalog';
import { type Step, changeFromRecap, confirmRecap } from '../../domain/conversation';
import { exploreSelection } from '../../domain/explore';
import { type PromptAnswer, WISH_IDS, isAnswered } from '../../domain/prompts';
import { applyToActive, useActiveConversation } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

const CHANGEABLE: Step[] = ['causes', 'sort', 'scale', 'explore', 'wishes'];

export default function RecapScreen() {
  const { t } = useTranslation();
  const conversation = useActiveConversation();
  const cardLabel = useCardLabel(conversation.settings);
  const cardPicture = useCardPicture(conversation.settings);
  const pictureOfCard = (cardId: string) => {
    const picture = cardPicture?.(cardId);
    return picture ? <Picture spec={picture} size="small" /> : null;
  };
  const [choosing, setChoosing] = useState(false);
  const { hard, good } = exploreSelection(conversation);

  const words = (answer: PromptAnswer | undefined) =>
    !answer ? '' : answer.unknown ? t('recap.unknownAnswer') : answer.text.trim();

  const causes = CAUSE_IDS.filter((cause) => conversation.causes[cause] !== undefined);
  const wishes = WISH_IDS.filter((wish) => isAnswered(conversation.wishes[wish]));

  return (
    <StepFrame step="recap" title={t('recap.heading')} onBack={() => void goTo('wishes')}>
      <div className="recap">
        <RecapSection title={t('recap.hardest')} items={hard} className="recap__section--hard" cards>
          {(cardId) => (
            <>
              <span className="card__number">{conversation.ratings[cardId]}</span> {pictureOfCard(cardId)}
              {cardLabel(cardId)}
            </>
          )}
        </RecapSection>
        <RecapSection title={t('recap.good')} items={good} className="recap__section--good" cards>
          {(cardId) => (
            <>
              <span className="card__number">{conversation.ratings[cardId]}</span> {pictureOfCard(cardId)}
              {cardLabel(cardId)}
              {words(conversation.answers[cardId]?.good) ? <q>{words(conversation.answers[cardId]?.good)}</q> : null}
            </>
          )}
        </RecapSection>
        <RecapSection title={t('recap.causes')} items={causes}>
          {(cause) => (
            <>
              {t(`cause.${cause}`)} – {t(`causes.size.${conversation.causes[cause]!}`)}
              {cause === 'noe-annet' && conversation.causeOtherText.trim() ? `: ${conversation.causeOtherText}` : ''}
            </>
          )}
        </RecapSection>
        <RecapSection title={t('recap.wishes')} items={wishes}>
          {(wish) => (
            <>
              {t(`wishes.prompt.${wish}`)} <q>{words(conversation.wishes[wish])}</q>
            </>
          )}
        </RecapSection>
      </div>
      <section className="recap__question" aria-labelledby="recap-question">
        <h2 id="recap-question">{t('recap.question')}</h2>
        <div className="recap__answers">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void applyToActive((c, now) => confirmRecap(c, now))}
          >
            {t('recap.yes')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={choosing}
            onClick={() => setChoosing(!choosing)}
          >
            {t('recap.no')}
          </button>
        </div>
        {choosing ? (
          <div className="recap__change" role="group" aria-label={t('recap.changeWhat')}>
            <p>{t('recap.changeWhat')}</p>
            {CHANGEABLE.map((step) => (
              <button
                key={step}
                type="button"
                className="button button--secondary"
                onClick={() => void applyToActive((c, now) => changeFromRecap(c, step, now))}
              >
                {t(`steps.${step}`)}
              </button>
            ))}
          </div>
        ) : null}
      </section>
    </StepFrame>
  );
}

/** One box of the recap: a heading and its items, or "Ingenting her." when there are none. */
function RecapSection<T extends string>(props: {
  title: string;
  items: readonly T[];
  className?: string;
  /** Items shown as cards (the situations) rather than as plain lines. */
  cards?: boolean;
  children(item: T): ReactNode;
}) {
  const { t } = useTranslation();
  const { title, items, className, cards, children } = props;
  return (
    <section className={['recap__section', className].filter(Boolean).join(' ')}>
      <h2>{title}</h2>
      {items.length === 0 ? <p>{t('recap.none')}</p> : null}
      <ul className={cards ? 'recap__cards' : undefined}>
        {items.map((item) => (
          <li key={item} className={cards ? 'card card--recap' : undefined}>
            {children(item)}
          </li>
        ))}
      </ul>
    </section>
  );
}
