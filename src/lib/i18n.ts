/**
 * i18next set up once, with keys typed from the bokmål source locale. Bokmål ships in
 * the first screen's bundle; other locales load on demand, so each added language costs
 * nothing until someone picks it.
 */

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from '../../locales/nb/translation.json';

export const DEFAULT_LANGUAGE = 'nb';
export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb };
  }
}

const loaders: Record<Exclude<Language, 'nb'>, () => Promise<{ default: unknown }>> = {
  nn: () => import('../../locales/nn/translation.json'),
  en: () => import('../../locales/en/translation.json'),
};

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  resources: { nb: { translation: nb } },
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  initAsync: false,
});

/** Switches the UI language, loading its texts first if needed. */
export async function switchLanguage(language: string): Promise<void> {
  const target: Language = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  if (target !== 'nb' && !i18n.hasResourceBundle(target, 'translation')) {
    const texts = await loaders[target]();
    i18n.addResourceBundle(target, 'translation', texts.default, true, true);
  }
  if (i18n.language !== target) await i18n.changeLanguage(target);
  document.documentElement.lang = target;
}
