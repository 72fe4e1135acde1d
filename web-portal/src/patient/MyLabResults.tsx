import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import { Link } from '../routing/router';
import { Choice } from '../ui/Field';
import { Empty, Loading, Page, Problem } from '../ui/States';
import { seriesOf, testNames } from './labResults';
import { LabReports } from './LabReports';
import { LabResultsTable } from './LabResultsTable';
import { TestChart } from './TestChart';

const MyLabResultsList = graphql(`
  query MyLabResults($patientId: ID!) {
    labResults(patientId: $patientId, first: 100) {
      edges {
        node {
          ...LabResultParts
        }
      }
    }
  }
`);

export function MyLabResults() {
  const { subject } = useSession();
  const { t, phrase } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: MyLabResultsList,
    variables: { patientId: subject },
    requestPolicy: 'network-only',
  });
  const results = data?.labResults.edges.map((edge) => edge.node) ?? [];
  const names = testNames(results);
  const [chosen, setChosen] = useState<string>();
  const testName = chosen ?? names[0];
  const latest = results.find((result) => result.testName === testName);

  return (
    <Page title={t('nav.labResults')}>
      {fetching && !data && <Loading what={t('lab.loadingMine')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && results.length === 0 && (
        <Empty>
          {t('lab.noneMine')}{' '}
          <Link href="/lab-reports" className="underline">
            {t('nav.labReports')}
          </Link>
        </Empty>
      )}
      {results.length > 0 && (
        <>
          <LabResultsTable results={results} />
          <Choice label={t('lab.chartOf')} value={testName} options={names.map((name) => ({ value: name, label: name }))} onChange={setChosen} />
          <TestChart testName={testName} points={seriesOf(results, testName)} low={latest?.referenceRange?.low} high={latest?.referenceRange?.high} />
        </>
      )}
      <LabReports patientId={subject} />
    </Page>
  );
}
