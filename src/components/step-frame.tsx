/**
 * The frame around every pupil step: where we are in the conversation, the step's
 * heading and content, and large Back / Next buttons at the bottom.
 */

import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { STEPS, type Step, stepIndex } from '../domain/conversation';
import { speak } from '../lib/speech';
import { usePresentation } from './presentation';
import { SpeakButton } from './speak-button';

export interface StepFrameProps {
  step: Step;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  onBack?: () => void;
  onNext?: () => void;
  nextLabel?: string;
  /** The language of `nextLabel`, when it is not the page's (the adult's button on a pupil's page). */
  nextLang?: string;
  /** Extra controls for the adult, shown above the navigation. */
  adultTools?: ReactNode;
  /** Read after the heading and intro when everything is read aloud (the current prompt). */
  readAlso?: string;
}

export function StepFrame({
  step,
  title,
  intro,
  children,
  onBack,
  onNext,
  nextLabel,
  nextLang,
  adultTools,
  readAlso,
}: StepFrameProps) {
  const { t, i18n } = useTranslation();
  const { readAloud } = usePresentation();
  const heading = useRef<HTMLHeadingElement>(null);
  const introBox = useRef<HTMLDivElement>(null);
  const index = stepIndex(step);

  // Moving to a new step puts focus on its heading, so screen readers start there.
  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  // With "read everything aloud", a new step (or a new prompt within one) is read as it opens.
  useEffect(() => {
    if (!readAloud) return;
    speak([title, introBox.current?.textContent, readAlso].filter(Boolean).join('. '), i18n.language);
  }, [readAloud, step, title, readAlso, i18n.language]);

  return (
    <div className={`step step--${step}`}>
      <nav className="step-progress" aria-label={t('steps.progressLabel')}>
        <ol>
          {STEPS.map((name, i) => (
            <li
              key={name}
              aria-current={name === step ? 'step' : undefined}
              className={i < index ? 'done' : i === index ? 'current' : undefined}
            >
              <span className="visually-hidden">{t(`steps.${name}`)}</span>
            </li>
          ))}
        </ol>
        <p className="step-progress__text">
          {t('steps.current', { step: index + 1, total: STEPS.length, name: t(`steps.${step}`) })}
        </p>
      </nav>
      <div className="step__heading">
        <h1 ref={heading} tabIndex={-1} className="step__title">
          {title}
        </h1>
        <SpeakButton text={() => [title, introBox.current?.textContent ?? ''].filter(Boolean).join('. ')} />
      </div>
      {intro ? (
        <div className="step__intro" ref={introBox}>
          {intro}
        </div>
      ) : null}
      <div className="step__body">{children}</div>
      {adultTools ? <div className="step__adult">{adultTools}</div> : null}
      <div className="step__nav">
        {onBack ? (
          <button type="button" className="button button--secondary" onClick={onBack}>
            {t('nav.back')}
          </button>
        ) : (
          <span />
        )}
        {onNext ? (
          <button type="button" className="button button--primary" lang={nextLang} onClick={onNext}>
            {nextLabel ?? t('nav.next')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
