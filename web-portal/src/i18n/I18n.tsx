import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { browserLanguages, initialLanguage, localeFor, setFormattingLocale, storeLanguage, storedLanguage, type Language } from './language';
import { CATALOGUES, type MessageKey } from './messages';

export type Params = Record<string, string | number>;

export interface I18n {
  language: Language;
  /** The locale Intl formats with: the browser's variant of the language. */
  locale: string;
  /** The message in the person's language, its {placeholders} filled in. */
  t: (key: MessageKey, params?: Params) => string;
  /**
   * A sentence written once in English elsewhere (the form fields' words in `formFields.ts`),
   * in the person's language when the catalogue has it.
   */
  phrase: (english: string | undefined) => string | undefined;
  /** A choice made here: switches, and keeps it in this browser. */
  setLanguage: (language: Language) => void;
  /**
   * The language of the signed-in patient's profile: switches for this visit unless this browser
   * holds a choice of its own, which wins; stores nothing, so a later profile change still applies.
   */
  follow: (language: Language) => void;
}

function fill(message: string, params?: Params): string {
  return params ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : message;
}

export function i18nFor(
  language: Language,
  locale: string,
  setLanguage: (language: Language) => void = () => {},
  follow: (language: Language) => void = () => {},
): I18n {
  const catalogue = CATALOGUES[language];
  return {
    language,
    locale,
    t: (key, params) => fill(catalogue.messages[key], params),
    phrase: (english) => (english === undefined ? undefined : (catalogue.phrases[english] ?? english)),
    setLanguage,
    follow,
  };
}

// Outside the provider (a component's own test) the portal speaks English.
const I18nContext = createContext<I18n>(i18nFor('en', 'en-US'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/**
 * The person's language: chosen here before, else a signed-in patient's profile language, else the
 * browser's first one the portal speaks.
 * Switching re-renders every screen, and Intl formats with the new locale from then on.
 */
export function LanguageProvider({ children, initial = initialLanguage() }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguage] = useState<Language>(initial);
  const i18n = useMemo(() => {
    const locale = localeFor(language, browserLanguages());
    setFormattingLocale(locale);
    document.documentElement.lang = language;
    return i18nFor(
      language,
      locale,
      (chosen) => {
        storeLanguage(chosen);
        setLanguage(chosen);
      },
      (profile) => {
        if (!storedLanguage()) setLanguage(profile);
      },
    );
  }, [language]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}
