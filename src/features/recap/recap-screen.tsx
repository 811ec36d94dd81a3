/**
 * Recap (pupil): the hardest situations, the good things and the wishes, simply shown,
 * with "Er dette riktig?". Yes hands over to the adult; no lets the pupil go back to any
 * step and change it, which the summary will record.
 */

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardLabel } from '../../components/card-label';
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
  const [choosing, setChoosing] = useState(false);
  const { hard, good } = exploreSelection(conversation);

  const words = (answer: PromptAnswer | undefined) =>
    !answer ? '' : answer.unknown ? t('recap.unknownAnswer') : answer.text.trim();

  const causes = CAUSE_IDS.filter((cause) => conversation.causes[cause] !== undefined);
  const wishes = WISH_IDS.filter((wish) => isAnswered(conversation.wishes[wish]));

  return (
    <StepFrame step="recap" title={t('recap.heading')} onBack={() => void goTo('wishes')}>
      <div className="recap">
        <section className="recap__section recap__section--hard">
          <h2>{t('recap.hardest')}</h2>
          {hard.length === 0 ? <p>{t('recap.none')}</p> : null}
          <ul className="recap__cards">
            {hard.map((cardId) => (
              <li key={cardId} className="card card--recap">
                <span className="card__number">{conversation.ratings[cardId]}</span> {cardLabel(cardId)}
              </li>
            ))}
          </ul>
        </section>
        <section className="recap__section recap__section--good">
          <h2>{t('recap.good')}</h2>
          {good.length === 0 ? <p>{t('recap.none')}</p> : null}
          <ul className="recap__cards">
            {good.map((cardId) => (
              <li key={cardId} className="card card--recap">
                <span className="card__number">{conversation.ratings[cardId]}</span> {cardLabel(cardId)}
                {words(conversation.answers[cardId]?.good) ? <q>{words(conversation.answers[cardId]?.good)}</q> : null}
              </li>
            ))}
          </ul>
        </section>
        <section className="recap__section">
          <h2>{t('recap.causes')}</h2>
          {causes.length === 0 ? <p>{t('recap.none')}</p> : null}
          <ul>
            {causes.map((cause) => (
              <li key={cause}>
                {t(`cause.${cause}`)} – {t(`causes.size.${conversation.causes[cause]!}`)}
                {cause === 'noe-annet' && conversation.causeOtherText.trim() ? `: ${conversation.causeOtherText}` : ''}
              </li>
            ))}
          </ul>
        </section>
        <section className="recap__section">
          <h2>{t('recap.wishes')}</h2>
          {wishes.length === 0 ? <p>{t('recap.none')}</p> : null}
          <ul>
            {wishes.map((wish) => (
              <li key={wish}>
                {t(`wishes.prompt.${wish}`)} <q>{words(conversation.wishes[wish])}</q>
              </li>
            ))}
          </ul>
        </section>
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
