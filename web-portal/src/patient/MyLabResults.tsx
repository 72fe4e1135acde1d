import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useSession } from '../auth/session';
import { Link } from '../routing/router';
import { Choice } from '../ui/Field';
import { Empty, Loading, Page, Problem } from '../ui/States';
import { seriesOf, testNames } from './labResults';
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
    <Page title="My lab results">
      {fetching && !data && <Loading what="your lab results" />}
      <Problem>{problem(error)}</Problem>
      {data && results.length === 0 && (
        <Empty>
          No lab results yet. <Link href="/lab-reports" className="underline">Upload a lab report</Link>.
        </Empty>
      )}
      {results.length > 0 && (
        <>
          <LabResultsTable results={results} />
          <Choice label="Chart of" value={testName} options={names.map((name) => ({ value: name, label: name }))} onChange={setChosen} />
          <TestChart testName={testName} points={seriesOf(results, testName)} low={latest?.referenceRange?.low} high={latest?.referenceRange?.high} />
        </>
      )}
    </Page>
  );
}
