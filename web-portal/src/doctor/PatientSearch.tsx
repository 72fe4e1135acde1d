import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { PATIENT_SEARCH, formErrors } from '../api/formFields';
import { useI18n } from '../i18n/I18n';
import { Link } from '../routing/router';
import { Field } from '../ui/Field';
import { Empty, Loading, Problem } from '../ui/States';
import { formatDay } from '../ui/time';

const FindPatients = graphql(`
  query FindPatients($search: PatientSearch) {
    patients(search: $search, first: 20) {
      edges {
        node {
          id
          name {
            given
            family
          }
          dateOfBirth
        }
      }
    }
  }
`);

/** Staff find a patient by family-name prefix; each hit leads to `linkTo(id)`, or is handed to `onChoose`. */
export function PatientSearch({ linkTo, onChoose }: { linkTo?: (id: string) => string; onChoose?: (id: string, name: string) => void }) {
  const { t, phrase } = useI18n();
  const [family, setFamily] = useState('');
  const [{ data, fetching, error }] = useQuery({
    query: FindPatients,
    variables: { search: { familyNamePrefix: family } },
    pause: family.length === 0,
  });
  const refused = formErrors(PATIENT_SEARCH, error);
  const patients = data?.patients.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="flex flex-col gap-2">
      <Field
        label={t('search.family')}
        value={family}
        onChange={(event) => setFamily(event.target.value)}
        error={phrase(refused.fields.familyNamePrefix)}
      />
      {fetching && <Loading what={t('search.loading')} />}
      <Problem>{refused.fields.familyNamePrefix ? undefined : phrase(refused.problem)}</Problem>
      {data && patients.length === 0 && <Empty>{t('search.none', { family })}</Empty>}
      <ul className="flex flex-col gap-1">
        {patients.map((patient) => {
          const name = `${patient.name.family}, ${patient.name.given}`;
          return (
            <li key={patient.id}>
              {linkTo ? (
                <Link href={linkTo(patient.id)} className="underline">
                  {name} {t('banner.born', { day: formatDay(patient.dateOfBirth) })}
                </Link>
              ) : (
                <button type="button" className="underline" onClick={() => onChoose?.(patient.id, name)}>
                  {name} {t('banner.born', { day: formatDay(patient.dateOfBirth) })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
