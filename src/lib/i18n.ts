/**
 * i18next set up once, with keys typed from the bokmål source locale. Bokmål ships in
 * the first screen's bundle; other locales load on demand, so each added language costs
 * nothing until someone picks it.
 */

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from '../../locales/nb/translation.json';

export const DEFAULT_LANGUAGE = 'nb';
/** Every language a pupil can have the conversation in. */
export const LANGUAGES = ['nb', 'nn', 'en', 'uk', 'pl', 'ar', 'so'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The adult's screens and the summary: the languages the school works in. */
export const ADULT_LANGUAGES = ['nb', 'nn', 'en'] as const satisfies readonly Language[];
export type AdultLanguage = (typeof ADULT_LANGUAGES)[number];
/** Translations no native speaker has reviewed yet; the app says so where they are shown. */
export const UNREVIEWED_LANGUAGES: readonly Language[] = ['uk', 'pl', 'ar', 'so'];
const RIGHT_TO_LEFT: readonly Language[] = ['ar'];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function isAdultLanguage(value: string): value is AdultLanguage {
  return (ADULT_LANGUAGES as readonly string[]).includes(value);
}

export function direction(language: string): 'rtl' | 'ltr' {
  return (RIGHT_TO_LEFT as readonly string[]).includes(language) ? 'rtl' : 'ltr';
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The conversation guide and the measures bank exist only in the adult's languages, and
    // load on demand (loadGuide, loadPlan).
    resources: {
      translation: typeof nb;
      guide: typeof import('../../locales/nb/guide.json');
      plan: typeof import('../../locales/nb/plan.json');
    };
  }
}

const loaders: Record<Exclude<Language, 'nb'>, () => Promise<{ default: unknown }>> = {
  nn: () => import('../../locales/nn/translation.json'),
  en: () => import('../../locales/en/translation.json'),
  uk: () => import('../../locales/uk/translation.json'),
  pl: () => import('../../locales/pl/translation.json'),
  ar: () => import('../../locales/ar/translation.json'),
  so: () => import('../../locales/so/translation.json'),
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

/** Loads a language's texts (once) without switching to it. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language !== 'nb' && !i18n.hasResourceBundle(language, 'translation')) {
    const texts = await loaders[language]();
    i18n.addResourceBundle(language, 'translation', texts.default, true, true);
  }
}

const guideLoaders: Record<AdultLanguage, () => Promise<{ default: unknown }>> = {
  nb: () => import('../../locales/nb/guide.json'),
  nn: () => import('../../locales/nn/guide.json'),
  en: () => import('../../locales/en/guide.json'),
};

/** Loads the conversation guide (namespace `guide`, adult languages only) once. */
export async function loadGuide(language: AdultLanguage): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'guide')) {
    const texts = await guideLoaders[language]();
    i18n.addResourceBundle(language, 'guide', texts.default, true, true);
  }
}

const planLoaders: Record<AdultLanguage, () => Promise<{ default: unknown }>> = {
  nb: () => import('../../locales/nb/plan.json'),
  nn: () => import('../../locales/nn/plan.json'),
  en: () => import('../../locales/en/plan.json'),
};

/** Loads the measures bank's words (namespace `plan`, adult languages only) once. */
export async function loadPlan(language: AdultLanguage): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'plan')) {
    const texts = await planLoaders[language]();
    i18n.addResourceBundle(language, 'plan', texts.default, true, true);
  }
}

/** Switches the UI language, loading its texts first if needed; Arabic turns the page right to left. */
export async function switchLanguage(language: string): Promise<void> {
  const target: Language = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  await loadLanguage(target);
  if (i18n.language !== target) await i18n.changeLanguage(target);
  document.documentElement.lang = target;
  document.documentElement.dir = direction(target);
}
