import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { PATIENT_SEARCH, formErrors } from '../api/formFields';
import { Link } from '../routing/router';
import { Field } from '../ui/Field';
import { Empty, Loading, Problem } from '../ui/States';

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
        label="Family name starts with"
        value={family}
        onChange={(event) => setFamily(event.target.value)}
        error={refused.fields.familyNamePrefix}
      />
      {fetching && <Loading what="patients" />}
      <Problem>{refused.fields.familyNamePrefix ? undefined : refused.problem}</Problem>
      {data && patients.length === 0 && <Empty>No patient's family name starts with “{family}”.</Empty>}
      <ul className="flex flex-col gap-1">
        {patients.map((patient) => {
          const name = `${patient.name.family}, ${patient.name.given}`;
          return (
            <li key={patient.id}>
              {linkTo ? (
                <Link href={linkTo(patient.id)} className="underline">
                  {name} (born {patient.dateOfBirth})
                </Link>
              ) : (
                <button type="button" className="underline" onClick={() => onChoose?.(patient.id, name)}>
                  {name} (born {patient.dateOfBirth})
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
