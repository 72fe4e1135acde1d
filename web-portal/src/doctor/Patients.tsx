import { useI18n } from '../i18n/I18n';
import { Page } from '../ui/States';
import { PatientSearch } from './PatientSearch';

export function Patients() {
  const { t } = useI18n();
  return (
    <Page title={t('nav.patients')}>
      <PatientSearch linkTo={(id) => `/patients/${id}`} />
    </Page>
  );
}
