import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';
import { adultLanguage } from './lib/adult-language';
import { switchLanguage } from './lib/i18n';
import { startOffline } from './lib/offline';
import { type LibraryState, checkVault, useLibrary } from './stores/library-store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// index.html already shows the lock screen, in the adult's language (prerendered at build,
// features/vault/prerender.tsx). React's first render waits for the vault check and that
// language's texts, so it replaces the picture once, with the screen this tablet needs
// (usually the same lock screen, working). Texts that fail to load leave it in bokmål.
void Promise.all([checkVault(), switchLanguage(adultLanguage.get()).catch(() => undefined)]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

/**
 * Resolves once the adult has unlocked and the library is loaded. The service worker's
 * code waits for this, so the lock screen (the first screen of every working day) loads
 * none of it, and unlocking does not share the main thread with it: an update is only
 * ever offered on the adult's list.
 */
function libraryLoaded(): Promise<void> {
  const loaded = ({ vault, status }: LibraryState) => vault === 'unlocked' && status === 'ready';
  return new Promise((resolve) => {
    if (loaded(useLibrary.getState())) return resolve();
    const unsubscribe = useLibrary.subscribe((state) => {
      if (!loaded(state)) return;
      unsubscribe();
      resolve();
    });
  });
}

void startOffline(libraryLoaded());
