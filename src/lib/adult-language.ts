/**
 * The adult's own UI language, remembered on this device. It is a preference, not pupil
 * data, so it may live in localStorage.
 */

import { DEFAULT_LANGUAGE, type Language, isLanguage } from './i18n';

const KEY = 'kortprat.adultLanguage';

export const adultLanguage = {
  get(): Language {
    try {
      const stored = localStorage.getItem(KEY);
      return stored && isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  },
  set(language: Language): void {
    try {
      localStorage.setItem(KEY, language);
    } catch {
      // A preference that cannot be kept is not worth an error message.
    }
  },
};
