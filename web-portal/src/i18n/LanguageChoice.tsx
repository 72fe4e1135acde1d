import { useI18n } from './I18n';
import { LANGUAGES, OWN_NAME, type Language } from './language';

/**
 * The language of this browser's pages. It stays in this browser: a patient's lasting choice, the
 * one the clinic's messages follow, is saved on the profile (My profile), so that reading the
 * portal in another language on someone else's device changes nothing about where mail goes.
 */
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
