import { useI18n } from '../i18n/I18n';
import { formatDay } from '../ui/time';

/** What a clinician must see before anything else in a chart: age, allergies, critical results. */
export interface BannerFacts {
  dateOfBirth: string;
  history?: readonly { id: string; kind: string; summary: string }[] | null;
  labResults?: readonly { id: string; testName: string; value: string; unit: string; abnormalFlag?: string | null }[] | null;
}

/** Whole years between a date of birth and today (both calendar days, YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

const CRITICAL = new Set(['CRITICAL_LOW', 'CRITICAL_HIGH']);

export function ChartBanner({ facts, today }: { facts: BannerFacts; today: string }) {
  const { t } = useI18n();
  const allergies = (facts.history ?? []).filter((entry) => entry.kind === 'ALLERGY');
  const critical = (facts.labResults ?? []).filter((result) => CRITICAL.has(result.abnormalFlag ?? ''));
  return (
    <section aria-label={t('banner.alerts')} className="flex flex-col gap-1 rounded border border-slate-300 bg-white p-3">
      <p>
        <strong>{t('banner.years', { age: ageOn(facts.dateOfBirth, today) })}</strong> {t('banner.born', { day: formatDay(facts.dateOfBirth) })}
      </p>
      <p className={allergies.length ? 'font-semibold text-red-800' : undefined}>
        {allergies.length ? t('banner.allergies', { list: allergies.map((entry) => entry.summary).join('; ') }) : t('banner.noAllergies')}
      </p>
      {critical.length > 0 && (
        <p className="font-semibold text-red-800">
          {t('banner.critical', {
            list: critical
              .map((result) => `${result.testName} ${result.value} ${result.unit} (${t(result.abnormalFlag === 'CRITICAL_LOW' ? 'banner.criticallyLow' : 'banner.criticallyHigh')})`)
              .join('; '),
          })}
        </p>
      )}
    </section>
  );
}
