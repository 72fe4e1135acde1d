/** The portal's languages: English, and German for the demo clinic in Berlin. */
export type Language = 'en' | 'de';

export const LANGUAGES: readonly Language[] = ['en', 'de'];

/** Each language named in itself, so a person finds theirs whatever the page speaks now. */
export const OWN_NAME: Record<Language, string> = { en: 'English', de: 'Deutsch' };

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly (string | null | undefined)[]).includes(value);
}

const STORED = 'medicore.language';

/** The first of the browser's languages the portal speaks, English when it speaks none of them. */
export function languageFromBrowser(languages: readonly string[]): Language {
  for (const tag of languages) {
    const language = tag.toLowerCase().slice(0, 2);
    if ((LANGUAGES as readonly string[]).includes(language)) return language as Language;
  }
  return 'en';
}

/**
 * The locale that formats dates, times, money and numbers: the browser's own variant of the
 * chosen language (en-GB stays en-GB), else the language's usual one.
 */
export function localeFor(language: Language, languages: readonly string[]): string {
  return languages.find((tag) => tag.toLowerCase().startsWith(language)) ?? (language === 'de' ? 'de-DE' : 'en-GB');
}

/** The language a person chose here before, kept in this browser; else the browser's. */
export function initialLanguage(): Language {
  return storedLanguage() ?? languageFromBrowser(browserLanguages());
}

export function storeLanguage(language: Language) {
  try {
    window.localStorage.setItem(STORED, language);
  } catch {
    // A browser that keeps no storage (private mode) still switches for this visit.
  }
}

/** The language a person chose in this browser, if they did. */
export function storedLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(STORED);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
}

let formatting: string | undefined;

/**
 * The locale Intl formats with everywhere (`formatDateTime`, `formatMoney`); the language
 * provider sets it before the screens render, undefined (the runtime's) until then.
 */
export function formattingLocale(): string | undefined {
  return formatting;
}

export function setFormattingLocale(locale: string) {
  formatting = locale;
}
