/**
 * The adult's own UI language, remembered on this device. It is a preference, not pupil
 * data, so it may live in localStorage.
 */

import { type AdultLanguage, DEFAULT_LANGUAGE, isAdultLanguage } from './i18n';

/** Where it is kept; the page's first script reads it too, to draw the lock screen in it. */
export const ADULT_LANGUAGE_KEY = 'kortprat.adultLanguage';

export const adultLanguage = {
  get(): AdultLanguage {
    try {
      const stored = localStorage.getItem(ADULT_LANGUAGE_KEY);
      return stored && isAdultLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  },
  set(language: AdultLanguage): void {
    try {
      localStorage.setItem(ADULT_LANGUAGE_KEY, language);
    } catch {
      // A preference that cannot be kept is not worth an error message.
    }
  },
};
