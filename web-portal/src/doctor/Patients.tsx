import { Page } from '../ui/States';
import { PatientSearch } from './PatientSearch';

export function Patients() {
  return (
    <Page title="Patients">
      <PatientSearch linkTo={(id) => `/patients/${id}`} />
    </Page>
  );
}
