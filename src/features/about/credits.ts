/**
 * What the app ships that others made: the picture set and the open-source libraries in
 * the built bundle, each with its licence. `about-screen.test.tsx` checks the libraries
 * against package.json and node_modules, so a new runtime dependency fails the tests
 * until it is credited here.
 */

import licenceFile from '../../../assets/static/pictures/LICENSE.txt?raw';

export interface LibraryCredit {
  /** The npm package name. */
  name: string;
  /** The SPDX licence id, as in the package's own package.json. */
  licence: string;
  /** Set when the code comes into the bundle through a build plugin, not as a dependency. */
  via?: string;
}

export const LIBRARIES: readonly LibraryCredit[] = [
  { name: 'react', licence: 'MIT' },
  { name: 'react-dom', licence: 'MIT' },
  { name: 'zustand', licence: 'MIT' },
  { name: 'i18next', licence: 'MIT' },
  { name: 'react-i18next', licence: 'MIT' },
  { name: 'motion', licence: 'MIT' },
  { name: '@dnd-kit/core', licence: 'MIT' },
  { name: 'dexie', licence: 'Apache-2.0' },
  { name: 'zod', licence: 'MIT' },
  // The service worker and its registration.
  { name: 'vite-plugin-pwa', licence: 'MIT' },
  { name: 'workbox', licence: 'MIT', via: 'vite-plugin-pwa' },
];

/** The picture set on the cards and cause boxes (see assets/static/pictures/LICENSE.txt). */
export const PICTURES = {
  name: 'Fluent Emoji Flat',
  holder: 'Microsoft Corporation',
  licence: 'MIT',
  source: 'https://github.com/microsoft/fluentui-emoji',
} as const;

/**
 * The pictures' licence, word for word, from the file `npm run pictures` writes next to
 * them (the lines before "MIT License" say where the set comes from). Paragraphs are
 * separated by a blank line.
 */
export const PICTURES_LICENCE = licenceFile.slice(licenceFile.indexOf('MIT License')).trimEnd();
