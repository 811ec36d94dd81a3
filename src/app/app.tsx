/**
 * The shell: loads the library once, picks the screen from the route, keeps the UI
 * language right (the pupil's during a conversation, the adult's elsewhere) and flushes
 * pending saves when the page is hidden or closed.
 */

import { Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import StartScreen from '../features/start/start-screen';
import { adultLanguage } from '../lib/adult-language';
import { switchLanguage } from '../lib/i18n';
import { useRoute } from '../lib/router';
import { flushSaves, loadLibrary, useLibrary } from '../stores/library-store';
import { ErrorBoundary } from './error-boundary';
import { SaveBanner } from './save-banner';

const SetupScreen = lazy(() => import('../features/setup/setup-screen'));
// Conversations (and motion, drag and drop) load only when one is opened.
const ConversationRoute = lazy(() => import('./conversation-route'));

function useFlushOnHide() {
  useEffect(() => {
    const flush = () => void flushSaves();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const status = useLibrary((state) => state.status);
  const loadProblem = useLibrary((state) => state.loadProblem);

  useEffect(() => {
    void loadLibrary();
  }, []);
  useFlushOnHide();

  // Adult screens speak the adult's language; a conversation switches to the pupil's.
  useEffect(() => {
    if (route.name !== 'conversation') void switchLanguage(adultLanguage.get());
  }, [route.name]);

  let screen;
  if (status === 'failed') {
    screen = (
      <div className="notice" role="alert">
        <p>{t('storage.loadFailed')}</p>
        <button type="button" className="button button--primary" onClick={() => void loadLibrary()}>
          {t('storage.retry')}
        </button>
      </div>
    );
  } else if (status !== 'ready') {
    screen = <p className="loading">{t('app.loading')}</p>;
  } else if (route.name === 'setup') {
    screen = <SetupScreen pupilId={route.pupilId} />;
  } else if (route.name === 'conversation') {
    screen = <ConversationRoute id={route.id} />;
  } else {
    screen = <StartScreen />;
  }

  return (
    <>
      <div
        className="app"
        data-hydrated={status === 'ready' ? 'true' : 'false'}
        data-load-problem={loadProblem ?? undefined}
      >
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <SaveBanner />
        <main id="main" tabIndex={-1}>
          <ErrorBoundary>
            <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>{screen}</Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </>
  );
}
