import { useI18n } from './I18n';
import { LANGUAGES, type Language } from './language';

/** Each language named in itself, so a person finds theirs whatever the page speaks now. */
const OWN_NAME: Record<Language, string> = { en: 'English', de: 'Deutsch' };

export function LanguageChoice() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="flex items-center gap-2">
      <span className="sr-only">{t('app.language')}</span>
      <select
        className="min-h-11 rounded border border-slate-400 px-2"
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((choice) => (
          <option key={choice} value={choice} lang={choice}>
            {OWN_NAME[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}
