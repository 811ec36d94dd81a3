/**
 * The shell: checks the vault, then loads the library once it is unlocked, picks the
 * screen from the route, keeps the UI language right (the pupil's during a conversation,
 * the adult's elsewhere), keeps the adult's screens behind the passphrase in pupil mode,
 * and flushes pending saves when the page is hidden or closed.
 */

import { Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import UnlockScreen from '../features/vault/unlock-screen';
import { AdultGate } from '../features/vault/adult-gate';
import { adultLanguage } from '../lib/adult-language';
import { switchLanguage } from '../lib/i18n';
import { useRoute } from '../lib/router';
import { checkVault, flushSaves, loadLibrary, lockVault, useLibrary } from '../stores/library-store';
import { ErrorBoundary } from './error-boundary';
import { InactivityLock } from './inactivity-lock';
import { SaveBanner } from './save-banner';

const CreateVaultScreen = lazy(() => import('../features/vault/create-vault-screen'));
const StartScreen = lazy(() => import('../features/start/start-screen'));
const SetupScreen = lazy(() => import('../features/setup/setup-screen'));
const SettingsScreen = lazy(() => import('../features/settings/settings-screen'));
const AboutScreen = lazy(() => import('../features/about/about-screen'));
const ReviewScreen = lazy(() => import('../features/review/review-screen'));
const PlanScreen = lazy(() => import('../features/plan/plan-screen'));
// Conversations (and motion, drag and drop) load only when one is opened.
const ConversationRoute = lazy(() => import('./conversation-route'));

function usePageLifecycle() {
  useEffect(() => {
    const onHide = (event: PageTransitionEvent) => {
      // Into the back-forward cache: lock, so the page is kept without its key or data.
      if (event.persisted) void lockVault();
      else void flushSaves();
    };
    // Back from the back-forward cache: whatever happened, show the lock.
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) void lockVault();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flushSaves();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const vault = useLibrary((state) => state.vault);
  const status = useLibrary((state) => state.status);
  const loadProblem = useLibrary((state) => state.loadProblem);
  const pupilModeId = useLibrary((state) => state.pupilModeId);

  useEffect(() => {
    // main.tsx checks before the first render; an App rendered without that checks here.
    if (useLibrary.getState().vault === 'checking') void checkVault();
  }, []);
  useEffect(() => {
    if (vault === 'unlocked' && status === 'idle') void loadLibrary();
  }, [vault, status]);
  usePageLifecycle();

  // Adult screens (the lock screen too) speak the adult's language; a conversation
  // switches to the pupil's.
  const onPupilScreen = route.name === 'conversation' && vault === 'unlocked';
  useEffect(() => {
    if (!onPupilScreen) void switchLanguage(adultLanguage.get());
  }, [onPupilScreen]);

  let screen;
  if (status === 'failed') {
    screen = (
      <div className="notice" role="alert">
        <p>{t('storage.loadFailed')}</p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void (vault === 'unlocked' ? loadLibrary() : checkVault())}
        >
          {t('storage.retry')}
        </button>
      </div>
    );
  } else if (vault === 'new') {
    screen = <CreateVaultScreen />;
  } else if (vault === 'locked') {
    screen = <UnlockScreen />;
  } else if (vault !== 'unlocked' || status !== 'ready') {
    screen = <p className="loading">{t('app.loading')}</p>;
  } else if (pupilModeId !== null && !(route.name === 'conversation' && route.id === pupilModeId)) {
    screen = <AdultGate conversationId={pupilModeId} />;
  } else if (route.name === 'setup') {
    screen = <SetupScreen pupilId={route.pupilId} />;
  } else if (route.name === 'settings') {
    screen = <SettingsScreen />;
  } else if (route.name === 'about') {
    screen = <AboutScreen />;
  } else if (route.name === 'review') {
    screen = <ReviewScreen id={route.id} />;
  } else if (route.name === 'plan') {
    screen = <PlanScreen id={route.id} view={route.view} />;
  } else if (route.name === 'conversation') {
    screen = <ConversationRoute id={route.id} />;
  } else {
    screen = <StartScreen />;
  }

  return (
    <div
      className="app"
      data-vault={vault}
      data-hydrated={vault === 'unlocked' && status === 'ready' ? 'true' : 'false'}
      data-load-problem={loadProblem ?? undefined}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SaveBanner />
      {vault === 'unlocked' ? <InactivityLock /> : null}
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>{screen}</Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
