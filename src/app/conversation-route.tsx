/**
 * A conversation on screen: claims it (one tab at a time), switches to the pupil's
 * language and shows the step the conversation is on. The step lives in the stored
 * conversation, so a reload comes back to exactly this screen.
 */

import {
  type ComponentType,
  type LazyExoticComponent,
  Suspense,
  createElement,
  lazy,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { PresentationProvider } from '../components/presentation';
import type { Step } from '../domain/conversation';
import { adultLanguage } from '../lib/adult-language';
import { UNREVIEWED_LANGUAGES, direction, loadGuide, loadLanguage, switchLanguage } from '../lib/i18n';
import { MotionProvider } from '../lib/motion';
import { navigate } from '../lib/router';
import { activeConversation, closeConversation, openConversation, useLibrary } from '../stores/library-store';
import { GuidePanel } from './guide-panel';

const STEP_SCREENS: Record<Step, LazyExoticComponent<ComponentType>> = {
  welcome: lazy(() => import('../features/welcome/welcome-screen')),
  causes: lazy(() => import('../features/causes/causes-screen')),
  sort: lazy(() => import('../features/sort/sort-screen')),
  scale: lazy(() => import('../features/scale/scale-screen')),
  explore: lazy(() => import('../features/explore/explore-screen')),
  wishes: lazy(() => import('../features/wishes/wishes-screen')),
  recap: lazy(() => import('../features/recap/recap-screen')),
  handover: lazy(() => import('../features/handover/handover-screen')),
};

export default function ConversationRoute({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const openStatus = useLibrary((state) => (state.activeId === id ? state.openStatus : 'opening'));
  // The route follows the conversation's settings and step only: a typed letter or a moved
  // card changes neither, so it renders just the part of the step that shows it.
  const settings = useLibrary((state) => activeConversation(state)?.settings);
  const step = useLibrary((state) => activeConversation(state)?.step);
  const language = settings?.language;
  const [paused, setPaused] = useState(false);
  // The adult's guide stays open or closed for as long as this conversation is on screen.
  const [guideOpen, setGuideOpen] = useState(false);
  const guideId = useId();
  const adult = adultLanguage.get();
  const [languageReady, setLanguageReady] = useState<string | null>(null);
  const pictures = settings?.displayMode === 'pictures';
  const readAloud = settings?.readAloud ?? false;
  const presentation = useMemo(() => ({ pictures, readAloud }), [pictures, readAloud]);
  // The step's screen follows the conversation itself; made once per step, the element
  // stays the same, so a settings change does not render it from here too.
  const screen = useMemo(() => (step ? createElement(STEP_SCREENS[step]) : null), [step]);

  useEffect(() => {
    void openConversation(id);
    return () => closeConversation();
  }, [id]);

  useEffect(() => {
    if (!language) return;
    let current = true;
    // The adult's language is loaded too, for the small labels beneath the pupil's and the guide.
    const adult = adultLanguage.get();
    void Promise.all([switchLanguage(language), loadLanguage(adult), loadGuide(adult)]).then(
      () => current && setLanguageReady(language),
    );
    return () => {
      current = false;
    };
  }, [language]);

  if (openStatus === 'missing' || openStatus === 'locked-elsewhere') {
    return (
      <div className="notice" role="alert">
        <p>{openStatus === 'missing' ? t('app.notFound') : t('app.lockedElsewhere')}</p>
        {openStatus === 'locked-elsewhere' ? (
          <button type="button" className="button button--secondary" onClick={() => void openConversation(id)}>
            {t('storage.retry')}
          </button>
        ) : null}
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'start' })}>
          {t('app.backToList')}
        </button>
      </div>
    );
  }
  if (openStatus !== 'open' || !settings || !step || languageReady !== language) {
    return <p className="loading">{t('app.loading')}</p>;
  }

  return (
    <MotionProvider>
      <PresentationProvider value={presentation}>
        <div
          className={`conversation conversation--${settings.displayMode}${guideOpen && !paused ? ' conversation--guide' : ''}`}
          data-step={step}
        >
          <header className="conversation__bar">
            <button type="button" className="button button--quiet" onClick={() => navigate({ name: 'start' })}>
              {t('app.backToList')}
            </button>
            {(UNREVIEWED_LANGUAGES as readonly string[]).includes(settings.language) ? (
              <p className="conversation__note">{t('language.unreviewed')}</p>
            ) : null}
            <div className="conversation__actions">
              <button
                type="button"
                className="button button--quiet conversation__guide-toggle"
                lang={adult}
                dir={direction(adult)}
                aria-expanded={guideOpen}
                aria-controls={guideOpen ? guideId : undefined}
                onClick={() => setGuideOpen(!guideOpen)}
              >
                {i18n.getFixedT(adult, 'guide')('panel.toggle')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setPaused(true)}>
                {t('nav.pause')}
              </button>
            </div>
          </header>
          {paused ? (
            <div className="pause" role="dialog" aria-modal="true" aria-label={t('pause.heading')}>
              <p className="pause__text">{t('pause.heading')}</p>
              <button type="button" className="button button--primary" autoFocus onClick={() => setPaused(false)}>
                {t('pause.resume')}
              </button>
            </div>
          ) : null}
          {guideOpen && !paused ? <GuidePanel id={guideId} /> : null}
          {paused ? null : <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>{screen}</Suspense>}
        </div>
      </PresentationProvider>
    </MotionProvider>
  );
}
