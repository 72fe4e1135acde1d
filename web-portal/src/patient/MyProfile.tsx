import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { Empty, Loading, Page, Problem } from '../ui/States';

const MyRecord = graphql(`
  query MyRecord {
    me {
      email
      patient {
        ...PatientDemographics
        contact {
          address {
            lines
            postalCode
            city
            countryCode
          }
        }
      }
    }
  }
`);

export function MyProfile() {
  const [{ data, fetching, error }] = useQuery({ query: MyRecord });
  const patient = data?.me.patient;
  return (
    <Page title="My profile">
      {fetching && !data && <Loading what="your record" />}
      <Problem>{problem(error)}</Problem>
      {data && !patient && <Empty>There is no patient record for this account yet.</Empty>}
      {patient && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
          <dt className="font-medium">Name</dt>
          <dd>
            {patient.name.given} {patient.name.family}
          </dd>
          <dt className="font-medium">Date of birth</dt>
          <dd>{patient.dateOfBirth}</dd>
          <dt className="font-medium">Sex</dt>
          <dd>{patient.sex ?? 'not given'}</dd>
          <dt className="font-medium">E-mail</dt>
          <dd>{patient.contact.email ?? data.me.email}</dd>
          <dt className="font-medium">Phone</dt>
          <dd>{patient.contact.phone ?? 'not given'}</dd>
          <dt className="font-medium">Address</dt>
          <dd>
            {patient.contact.address
              ? [...patient.contact.address.lines, patient.contact.address.postalCode, patient.contact.address.city]
                  .filter(Boolean)
                  .join(', ')
              : 'not given'}
          </dd>
        </dl>
      )}
    </Page>
  );
}
