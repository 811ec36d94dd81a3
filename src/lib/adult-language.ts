/**
 * The adult's own UI language, remembered on this device. It is a preference, not pupil
 * data, so it may live in localStorage.
 */

import { type AdultLanguage, DEFAULT_LANGUAGE, isAdultLanguage } from './i18n';

const KEY = 'kortprat.adultLanguage';

export const adultLanguage = {
  get(): AdultLanguage {
    try {
      const stored = localStorage.getItem(KEY);
      return stored && isAdultLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  },
  set(language: AdultLanguage): void {
    try {
      localStorage.setItem(KEY, language);
    } catch {
      // A preference that cannot be kept is not worth an error message.
    }
  },
};
