import { useI18n } from '../i18n/I18n';
import { Page, Problem } from './States';
import { browserZone, clinicZone } from './time';

/**
 * Said once under the header, only when this device's clock is set to another zone than the
 * clinic's: every time on the screen is the clinic's, and a time without a zone beside it (a
 * slot, a schedule row) would otherwise be read as the device's.
 */
export function ClinicZoneNotice({ device = browserZone() }: { device?: string }) {
  const { t } = useI18n();
  const clinic = clinicZone();
  if (device === clinic) return null;
  return (
    <p data-testid="clinic-zone" className="w-full text-sm text-slate-700">
      {t('app.clinicTimes', { clinic, device })}
    </p>
  );
}

/** The portal's configuration names a clinic zone no browser knows: said plainly instead of showing the portal. */
export function ClinicZoneRefused({ zone }: { zone: string }) {
  const { t } = useI18n();
  return (
    <main id="content">
      <Page title={t('app.notSetUp')}>
        <Problem>{t('app.unknownClinicZone', { zone })}</Problem>
      </Page>
    </main>
  );
}
