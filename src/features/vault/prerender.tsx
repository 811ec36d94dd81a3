/**
 * The lock screen as static HTML, for index.html (see vite.config.ts). A cheap tablet
 * spends most of a second on the script before React can draw anything; with this the
 * lock screen is drawn as soon as the page arrives, like a plain page. Everything in it
 * is disabled and the whole is inert: a picture of the screen. The app's first render
 * waits for the vault check (main.tsx) and puts the real screen in its place at once.
 * (Rendering earlier would replace the picture before the browser had painted it.)
 *
 * It is in bokmål, the default language: an adult who chose nynorsk or English sees the
 * words change as the app starts, and on a tablet's very first start the app puts the
 * "choose a passphrase" screen in its place.
 *
 * Runs at build time only, in Node; the app never imports this file.
 */

import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import nb from '../../../locales/nb/translation.json';
import { LockScreenView } from './lock-screen-view';

const nothing = () => undefined;

export function lockScreenMarkup(): string {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: 'nb', resources: { nb: { translation: nb } }, initAsync: false });
  return renderToStaticMarkup(
    // The app's outer markup (app.tsx), so the page is laid out as the app will lay it out.
    <div className="app" inert>
      <main id="main">
        <LockScreenView
          t={(key) => i18n.t(key)}
          passphrase=""
          onPassphrase={nothing}
          onSubmit={nothing}
          working={false}
          waiting={false}
          storageFailed={false}
          forgot={false}
          onForgot={nothing}
          onErase={nothing}
          disabled
        />
      </main>
    </div>,
  );
}
