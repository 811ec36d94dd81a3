/**
 * "Mine trinn": the plan as the pupil sees it, in the pupil's language (the one their
 * conversation was in), with pictures when the conversation was in picture mode. Only
 * what was agreed for the pupil: the goal, and for each step the dates, the situations,
 * what the pupil will do and what helps. The adult's words are shown as written. A
 * speaker beside each step reads it in the pupil's language; the adult's Norwegian words
 * are read only when the pupil's language is Norwegian (never by a voice of another).
 */

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cardPicture, useCardLabel } from '../../components/card-label';
import { Picture } from '../../components/picture';
import { SpeakButton } from '../../components/speak-button';
import type { ConversationSettings } from '../../domain/conversation';
import type { Plan } from '../../domain/plan';
import { direction, isLanguage, loadLanguage } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { dateFormatter } from './plan-format';

export function PupilSteps({ plan, settings }: { plan: Plan; settings: ConversationSettings }) {
  const language = isLanguage(settings.language) ? settings.language : 'nb';
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    void loadLanguage(language).then(() => {
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [language]);
  const { t: planT } = useTranslation('plan');
  const back = (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => navigate({ name: 'plan', id: plan.id, view: 'edit' })}
    >
      {planT('agreement.back')}
    </button>
  );
  if (!loaded) return back;
  return (
    <>
      <div className="my-plan__actions">{back}</div>
      <PupilStepsBody plan={plan} settings={settings} language={language} />
    </>
  );
}

function PupilStepsBody({
  plan,
  settings,
  language,
}: {
  plan: Plan;
  settings: ConversationSettings;
  language: string;
}) {
  const { i18n } = useTranslation();
  const t = useMemo(() => i18n.getFixedT(language), [i18n, language]);
  const cardLabel = useCardLabel(settings, language);
  const formatDate = useMemo(() => dateFormatter(language), [language]);
  const pictures = settings.displayMode === 'pictures';
  // The step the pupil is on: the first one not reached yet.
  const current = plan.steps.findIndex((step) => step.status !== 'reached');
  const readsNorwegian = language === 'nb' || language === 'nn';
  const spoken = (step: Plan['steps'][number], index: number) =>
    [
      t('myPlan.step', { number: index + 1 }),
      t('myPlan.dates', { start: formatDate(step.start), end: formatDate(step.end) }),
      ...step.situations.map(cardLabel),
      ...(readsNorwegian && step.participation.trim() ? [t('myPlan.doing'), step.participation] : []),
      ...(readsNorwegian && step.support.trim() ? [t('myPlan.help'), step.support] : []),
    ].join('. ');

  return (
    <article
      className={`my-plan${pictures ? ' my-plan--pictures' : ''}`}
      lang={language}
      dir={direction(language)}
      aria-labelledby="my-plan-heading"
    >
      <h1 id="my-plan-heading">{t('myPlan.heading')}</h1>
      <p>{t('myPlan.intro')}</p>
      {plan.goal.trim() ? (
        <section className="my-plan__goal" aria-labelledby="my-plan-goal">
          <h2 id="my-plan-goal">{t('myPlan.goal')}</h2>
          <p lang="nb" className="agreement__text">
            {plan.goal}
          </p>
        </section>
      ) : null}
      {plan.steps.length === 0 ? <p>{t('myPlan.empty')}</p> : null}
      <ol className="my-plan__steps">
        {plan.steps.map((step, index) => (
          <li
            key={step.id}
            className="my-plan__step"
            data-status={step.status}
            aria-current={index === current ? 'step' : undefined}
          >
            <div className="my-plan__heading">
              <h2>
                {t('myPlan.step', { number: index + 1 })}{' '}
                {step.status === 'reached' ? (
                  <span className="my-plan__reached">
                    <span aria-hidden="true">✓ </span>
                    {t('myPlan.reached')}
                  </span>
                ) : index === current ? (
                  <span className="my-plan__now">{t('myPlan.now')}</span>
                ) : null}
              </h2>
              <SpeakButton text={() => spoken(step, index)} language={language} />
            </div>
            <p className="my-plan__dates">
              {t('myPlan.dates', { start: formatDate(step.start), end: formatDate(step.end) })}
            </p>
            {step.situations.length > 0 ? (
              <ul className="my-plan__situations">
                {step.situations.map((card) => {
                  const picture = cardPicture(settings, card);
                  return (
                    <li key={card} data-card-id={card}>
                      {pictures && picture ? <Picture spec={picture} size="card" /> : null}
                      <span>{cardLabel(card)}</span>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {step.participation.trim() ? (
              <>
                <h3>{t('myPlan.doing')}</h3>
                <p lang="nb" className="agreement__text">
                  {step.participation}
                </p>
              </>
            ) : null}
            {step.support.trim() ? (
              <>
                <h3>{t('myPlan.help')}</h3>
                <p lang="nb" className="agreement__text">
                  {step.support}
                </p>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
