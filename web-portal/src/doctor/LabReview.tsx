import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { CorrectedLabValueInput, LabReviewQueueQuery } from '../gql/graphql';
import { problem } from '../api/errors';
import { errorsByPath, LAB_REVIEW } from '../api/formFields';
import { useI18n } from '../i18n/I18n';
import { LabReportDownload } from '../patient/LabReportDownload';
import { Field } from '../ui/Field';
import { Done, Empty, Loading, Page, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { formatDateTime, formatDay } from '../ui/time';

const Queue = graphql(`
  query LabReviewQueue($after: String) {
    labReviewQueue(first: 20, after: $after) {
      edges {
        node {
          id
          patientId
          fileName
          createdAt
          version
          processedAt
          reviewFindings {
            kind
            line
            reason
          }
          printedIdentity {
            name
            dateOfBirth
            patientNumber
          }
          valuesRead {
            testName
            code
            value
            unit
            referenceRange {
              text
            }
            abnormalFlag
          }
          reportText
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Accept = graphql(`
  mutation AcceptLabReport($input: AcceptLabReportInput!) {
    acceptLabReport(input: $input) {
      id
      status
    }
  }
`);

const Correct = graphql(`
  mutation CorrectLabReport($input: CorrectLabReportInput!) {
    correctLabReport(input: $input) {
      id
      status
    }
  }
`);

const Reassign = graphql(`
  mutation ReassignLabReport($input: ReassignLabReportInput!) {
    reassignLabReport(input: $input) {
      id
      status
    }
  }
`);

const Reject = graphql(`
  mutation RejectLabReport($input: RejectLabReportInput!) {
    rejectLabReport(input: $input) {
      id
      status
    }
  }
`);

type HeldReport = LabReviewQueueQuery['labReviewQueue']['edges'][number]['node'];

/** Reports held for review, oldest first; one opened shows its text beside the values read and the decisions. */
export function LabReview() {
  const { t, phrase } = useI18n();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refresh] = useQuery({ query: Queue, variables: { after } });
  const [openId, setOpenId] = useState<string | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const reports = data?.labReviewQueue.edges.map((edge) => edge.node) ?? [];
  const open = reports.find((report) => report.id === openId);
  const afterDecision = (outcome: string) => {
    setDecided(outcome);
    setOpenId(null);
    refresh({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={t('nav.labReview')}>
      {fetching && !data && <Loading what={t('review.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {decided && <Done>{decided}</Done>}
      {data && reports.length === 0 && <Empty>{t('review.none')}</Empty>}
      {open ? (
        <Review report={open} onClose={() => setOpenId(null)} onDecided={afterDecision} />
      ) : (
        <ol className="flex flex-col gap-2">
          {reports.map((report) => (
            <li key={report.id} className="flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-white p-3">
              <span className="font-medium">{report.fileName}</span>
              <span className="text-sm text-slate-600">
                {t('review.held', { when: report.processedAt ? formatDateTime(report.processedAt) : '' })}{' '}
                {report.reviewFindings.map((finding) => t(`review.finding.${finding.kind}`)).join(', ')}
              </span>
              <button type="button" className={quietButtonClass} onClick={() => setOpenId(report.id)}>
                {t('review.open')}
              </button>
              {/* Reviewers may open a held report's PDF (its patient may not until they decide): the page as printed. */}
              <LabReportDownload report={report} />
            </li>
          ))}
        </ol>
      )}
      {data?.labReviewQueue.pageInfo.hasNextPage && !open && (
        <button type="button" className={quietButtonClass} onClick={() => setAfter(data.labReviewQueue.pageInfo.endCursor ?? null)}>
          {t('review.older')}
        </button>
      )}
    </Page>
  );
}

function Review({ report, onClose, onDecided }: { report: HeldReport; onClose: () => void; onDecided: (outcome: string) => void }) {
  const { t, phrase } = useI18n();
  const [values, setValues] = useState<CorrectedLabValueInput[]>(() =>
    report.valuesRead.map((value) => ({
      testName: value.testName,
      code: value.code ?? '',
      value: value.value,
      unit: value.unit,
      referenceRange: value.referenceRange?.text ?? '',
    })),
  );
  const [patientId, setPatientId] = useState('');
  const [reason, setReason] = useState('');
  const [accepted, accept] = useMutation(Accept);
  const [corrected, correct] = useMutation(Correct);
  const [reassigned, reassign] = useMutation(Reassign);
  const [rejected, reject] = useMutation(Reject);
  const failed = accepted.error ?? corrected.error ?? reassigned.error ?? rejected.error;
  // Fields named by their path without `input.` (`values[1].value`, `reason`), as the BFF names them:
  // the rows of values come and go, so they are not one of the fixed forms of formFields. What this
  // form finds missing before sending comes first, else the BFF's word on what was sent.
  const [missing, setMissing] = useState<Record<string, string>>({});
  const checking = Object.keys(missing).length > 0;
  const errors = checking
    ? missing
    : Object.fromEntries(Object.entries(errorsByPath(LAB_REVIEW, failed)).map(([path, sentence]) => [path, phrase(sentence) ?? sentence]));
  const sendIfComplete = (wrong: Record<string, string>, send: () => void) => {
    setMissing(wrong);
    if (Object.keys(wrong).length === 0) send();
  };
  const base = { reportId: report.id, expectedVersion: report.version };
  const edited = values.some((value, i) => {
    const read = report.valuesRead[i];
    return !read || value.value !== read.value || value.unit !== read.unit || value.testName !== read.testName;
  }) || values.length !== report.valuesRead.length;
  const then = (outcome: string) => (result: { error?: unknown }) => {
    if (!result.error) onDecided(outcome);
  };
  const change = (i: number, field: keyof CorrectedLabValueInput, text: string) =>
    setValues((current) => current.map((value, j) => (j === i ? { ...value, [field]: text } : value)));
  return (
    <section className="flex flex-col gap-4" aria-label={t('review.of', { file: report.fileName })}>
      <ul className="list-disc pl-6">
        {report.reviewFindings.map((finding, i) => (
          <li key={i}>
            <strong>{t(`review.finding.${finding.kind}`)}</strong>: {finding.reason}
            {finding.line && <code className="ml-2 text-sm">{finding.line}</code>}
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-600">
        {t('review.printed', {
          name: report.printedIdentity?.name ?? t('review.noName'),
          born: report.printedIdentity?.dateOfBirth ? formatDay(report.printedIdentity.dateOfBirth) : t('review.unknown'),
          number: report.printedIdentity?.patientNumber ? `, ${report.printedIdentity.patientNumber}` : '',
          record: report.patientId,
        })}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap rounded border border-slate-300 bg-white p-3 text-sm">
          {report.reportText}
        </pre>
        <div className="flex flex-col gap-2">
          {values.map((value, i) => (
            <fieldset key={i} className="grid grid-cols-2 gap-2 rounded border border-slate-300 bg-white p-2 sm:grid-cols-4">
              <legend className="sr-only">{t('review.valueNumber', { number: i + 1 })}</legend>
              <Field label={t('lab.test')} value={value.testName} onChange={(e) => change(i, 'testName', e.target.value)}
                     error={errors[`values[${i}].testName`]} />
              <Field label={t('lab.value')} value={value.value} onChange={(e) => change(i, 'value', e.target.value)}
                     error={errors[`values[${i}].value`]} />
              <Field label={t('review.unit')} value={value.unit ?? ''} onChange={(e) => change(i, 'unit', e.target.value)}
                     error={errors[`values[${i}].unit`]} />
              <Field label={t('review.range')} value={value.referenceRange ?? ''} onChange={(e) => change(i, 'referenceRange', e.target.value)}
                     error={errors[`values[${i}].referenceRange`]} />
            </fieldset>
          ))}
          <button type="button" className={quietButtonClass}
                  onClick={() => setValues((current) => [...current, { testName: '', code: '', value: '', unit: '', referenceRange: '' }])}>
            {t('review.addValue')}
          </button>
        </div>
      </div>
      <Problem>{checking ? phrase('Please check the marked fields.') : phrase(problem(failed))}</Problem>
      <div className="flex flex-wrap items-end gap-3">
        {edited ? (
          <button type="button" className={buttonClass}
                  onClick={() => sendIfComplete(missingValues(values, t('review.testMissing'), t('review.valueMissing')),
                    () => void correct({ input: { ...base, values } }).then(then(t('review.corrected'))))}>
            {t('review.attachCorrected')}
          </button>
        ) : (
          <button type="button" className={buttonClass}
                  onClick={() => sendIfComplete({}, () => void accept({ input: base }).then(then(t('review.accepted'))))}>
            {t('review.accept')}
          </button>
        )}
        <Field label={t('review.rightPatient')} value={patientId} onChange={(e) => setPatientId(e.target.value)}
               error={errors.patientId} />
        <button type="button" className={quietButtonClass} disabled={!patientId}
                onClick={() => sendIfComplete({}, () => void reassign({ input: { ...base, patientId } }).then(then(t('review.reassigned'))))}>
          {t('review.reassign')}
        </button>
        <Field label={t('review.rejectReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        <button type="button" className={quietButtonClass}
                onClick={() => sendIfComplete(reason.trim() ? {} : { reason: t('review.reasonMissing') },
                  () => void reject({ input: { ...base, reason } }).then(then(t('review.rejected'))))}>
          {t('review.reject')}
        </button>
        <button type="button" className={quietButtonClass} onClick={onClose}>
          {t('review.back')}
        </button>
      </div>
    </section>
  );
}

/** The values lab-processor cannot take without: each row's test and its value, by the BFF's paths. */
export function missingValues(values: readonly CorrectedLabValueInput[], testMissing: string, valueMissing: string): Record<string, string> {
  const missing: Record<string, string> = {};
  values.forEach((value, i) => {
    if (!value.testName.trim()) missing[`values[${i}].testName`] = testMissing;
    if (!value.value.trim()) missing[`values[${i}].value`] = valueMissing;
  });
  return missing;
}
