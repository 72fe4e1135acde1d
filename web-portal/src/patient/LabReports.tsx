import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import { Empty, Loading, Problem } from '../ui/States';
import { formatDateTime } from '../ui/time';
import { LabReportDownload } from './LabReportDownload';
import { STATUS_WORDS } from './LabReportUpload';

const PatientLabReports = graphql(`
  query LabReports($patientId: ID!) {
    labReports(patientId: $patientId, first: 20) {
      edges {
        node {
          id
          fileName
          status
          createdAt
        }
      }
    }
  }
`);

/**
 * A patient's lab reports, newest first, each with its original PDF to open: for the patient
 * themself and for clinicians in the chart. Reports whose file never came or was refused offer none.
 */
export function LabReports({ patientId }: { patientId: string }) {
  const { t, phrase } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: PatientLabReports, variables: { patientId }, requestPolicy: 'cache-and-network' });
  const reports = data?.labReports.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="lab-reports" className="flex flex-col gap-2">
      <h3 id="lab-reports" className="font-semibold">
        {t('lab.reports')}
      </h3>
      {fetching && !data && <Loading what={t('lab.loadingReports')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && reports.length === 0 && <Empty>{t('lab.noReports')}</Empty>}
      <ul className="flex flex-col gap-2">
        {reports.map((report) => (
          <li key={report.id} className="flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-white p-3">
            <span className="font-medium">{report.fileName}</span>
            <span className="text-sm text-slate-600">
              {t('lab.uploadedAt', { when: formatDateTime(report.createdAt) })} {t(STATUS_WORDS[report.status])}
            </span>
            {report.status !== 'AWAITING_UPLOAD' && report.status !== 'REJECTED' && <LabReportDownload report={report} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
