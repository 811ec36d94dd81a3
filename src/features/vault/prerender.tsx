/**
 * The lock screen as static HTML, for index.html (see vite.config.ts). A cheap tablet
 * spends most of a second on the script before React can draw anything; with this the
 * lock screen is drawn as soon as the page arrives, like a plain page. Everything in it
 * is disabled and the whole is inert: a picture of the screen. The app's first render
 * waits for the vault check and the adult's language (main.tsx) and puts the real screen
 * in its place at once. (Rendering earlier would replace the picture before the browser
 * had painted it.)
 *
 * The picture is drawn in each of the adult's languages: bokmål in the root, the others
 * in templates, and a small script the parser runs before the first paint puts the one
 * the adult chose in its place. On a tablet's very first start the app puts the "choose a
 * passphrase" screen where the picture was.
 *
 * Runs at build time only, in Node; the app never imports this file.
 */

import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import en from '../../../locales/en/translation.json';
import nb from '../../../locales/nb/translation.json';
import nn from '../../../locales/nn/translation.json';
import { ADULT_LANGUAGE_KEY } from '../../lib/adult-language';
import { ADULT_LANGUAGES, type AdultLanguage, DEFAULT_LANGUAGE } from '../../lib/i18n';
import { LockScreenView } from './lock-screen-view';

const TEXTS: Record<AdultLanguage, unknown> = { nb, nn, en };

/** Names the language of each template that holds another language's picture. */
const PICTURE = 'data-lock-screen';

const nothing = () => undefined;

export function lockScreenMarkup(language: AdultLanguage = DEFAULT_LANGUAGE): string {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: language,
    resources: { [language]: { translation: TEXTS[language] as typeof nb } },
    initAsync: false,
  });
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

const OTHER_LANGUAGES = ADULT_LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE);

/**
 * Runs in the page as the parser reaches it, alone: plain script, nothing imported. If
 * the adult chose another language on this tablet, its picture takes bokmål's place.
 * (Where localStorage cannot be read, bokmål stays, as the app itself then falls back.)
 */
export const PICK_LANGUAGE_SCRIPT = `(function () {
  try {
    var language = localStorage.getItem(${JSON.stringify(ADULT_LANGUAGE_KEY)});
    if (${JSON.stringify(OTHER_LANGUAGES)}.indexOf(language) < 0) return;
    var picture = document.querySelector('template[${PICTURE}="' + language + '"]');
    document.getElementById('root').replaceChildren(picture.content);
    document.documentElement.lang = language;
  } catch (error) {}
})();`;

/** What index.html gets in place of its empty root (the script's hash goes in its policy, see vite.config.ts). */
export function prerenderedRoot(): string {
  return [
    `<div id="root">${lockScreenMarkup(DEFAULT_LANGUAGE)}</div>`,
    ...OTHER_LANGUAGES.map((language) => `<template ${PICTURE}="${language}">${lockScreenMarkup(language)}</template>`),
    `<script>${PICK_LANGUAGE_SCRIPT}</script>`,
  ].join('\n    ');
}
