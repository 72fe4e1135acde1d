import { useRef, useState, type FormEvent } from 'react';
import { useClient, useSubscription } from 'urql';
import { graphql } from '../gql';
import type { LabReportStatus } from '../gql/graphql';
import { problem } from '../api/errors';
import { LAB_REPORT_UPLOAD, formErrors } from '../api/formFields';
import { useSession } from '../auth/session';
import { Link } from '../routing/router';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { Done, Page, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { isPdf, putWithProgress } from './upload';

const RequestUpload = graphql(`
  mutation RequestLabReportUpload($input: RequestLabReportUploadInput!) {
    requestLabReportUpload(input: $input) {
      reportId
      uploadUrl
      requiredHeaders {
        name
        value
      }
    }
  }
`);

const ConfirmUpload = graphql(`
  mutation ConfirmLabReportUpload($reportId: ID!) {
    confirmLabReportUpload(reportId: $reportId) {
      id
      status
    }
  }
`);

const ReportStatus = graphql(`
  subscription LabReportStatus($reportId: ID!) {
    labReportStatus(reportId: $reportId) {
      status
      detail
      resultCount
      abnormalCount
    }
  }
`);

export const STATUS_WORDS: Record<LabReportStatus, MessageKey> = {
  AWAITING_UPLOAD: 'lab.status.AWAITING_UPLOAD',
  UPLOADED: 'lab.status.UPLOADED',
  PROCESSING: 'lab.status.PROCESSING',
  PROCESSED: 'lab.status.PROCESSED',
  REJECTED: 'lab.status.REJECTED',
  NEEDS_REVIEW: 'lab.status.NEEDS_REVIEW',
};

/** Request a presigned URL, PUT the PDF with a progress bar, confirm, then follow the report's status live. */
export function LabReportUpload() {
  const { subject } = useSession();
  const { t, phrase } = useI18n();
  const client = useClient();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [reportId, setReportId] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [errors, setErrors] = useState<{ file?: string }>({});
  const [notPdf, setNotPdf] = useState<string>();
  const picker = useRef<HTMLInputElement>(null);
  const fileError = notPdf ? t('lab.notPdf', { name: notPdf }) : phrase(errors.file);
  const choose = (chosen: File | undefined) => {
    setErrors({});
    const refused = chosen && !isPdf(chosen);
    setNotPdf(refused ? chosen.name : undefined);
    setFile(refused ? undefined : chosen);
  };
  const [{ data: live, error: liveError }] = useSubscription({
    query: ReportStatus,
    variables: { reportId: reportId ?? '' },
    pause: !reportId,
  });

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      if (notPdf) return;
      setErrors({ file: LAB_REPORT_UPLOAD.file.required });
      return;
    }
    setFailure(undefined);
    setErrors({});
    const requested = await client
      .mutation(RequestUpload, { input: { patientId: subject, fileName: file.name, sizeBytes: file.size } })
      .toPromise();
    if (!requested.data) {
      const refused = formErrors(LAB_REPORT_UPLOAD, requested.error);
      setErrors(refused.fields);
      setFailure(refused.fields.file ? undefined : refused.problem);
      return;
    }
    const { reportId: id, uploadUrl, requiredHeaders } = requested.data.requestLabReportUpload;
    try {
      setProgress(0);
      await putWithProgress(uploadUrl, file, requiredHeaders, setProgress);
    } catch (interrupted) {
      setFailure((interrupted as Error).message);
      return;
    }
    const confirmed = await client.mutation(ConfirmUpload, { reportId: id }).toPromise();
    if (confirmed.error) {
      setFailure(problem(confirmed.error));
      return;
    }
    setReportId(id);
  };

  const status = live?.labReportStatus;
  return (
    <Page title={t('nav.labReports')}>
      <form onSubmit={upload} className="flex flex-col gap-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="lab-report-file" id="lab-report-file-label" className="font-medium">
            {t('lab.file')}
          </label>
          {/* The browser's own picker is hidden: its look and words cannot be styled or translated. The button opens it. */}
          <input
            id="lab-report-file"
            ref={picker}
            type="file"
            accept="application/pdf"
            hidden
            onChange={(event) => {
              choose(event.target.files?.[0]);
              // The same file chosen again after a refusal is a change too.
              event.target.value = '';
            }}
          />
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              className={quietButtonClass}
              aria-labelledby="lab-report-file-choose lab-report-file-label"
              aria-invalid={fileError ? true : undefined}
              aria-describedby="lab-report-file-chosen lab-report-file-error"
              onClick={() => picker.current?.click()}
            >
              <span id="lab-report-file-choose">{t('lab.choose')}</span>
            </button>
            <span id="lab-report-file-chosen" data-testid="lab-report-file-chosen">
              {file ? t('lab.chosen', { name: file.name }) : t('lab.noneChosen')}
            </span>
          </div>
          <span id="lab-report-file-error" className="text-sm text-red-700">
            {fileError}
          </span>
        </div>
        <button type="submit" className={buttonClass} disabled={progress !== undefined && progress < 1 && !failure}>
          {t('lab.upload')}
        </button>
      </form>
      {progress !== undefined && (
        <div className="flex flex-col gap-1">
          <label htmlFor="upload-progress">{t('lab.sent')}</label>
          <progress id="upload-progress" max={100} value={Math.round(progress * 100)} className="w-full">
            {Math.round(progress * 100)} %
          </progress>
        </div>
      )}
      <Problem>{phrase(failure ?? problem(liveError))}</Problem>
      {reportId && (
        <div role="status" aria-live="polite" className="flex flex-col gap-2">
          <p>
            {t('lab.reportStatus')} <strong data-testid="report-status">{t(status ? STATUS_WORDS[status.status] : 'lab.status.UPLOADED')}</strong>
          </p>
          {status?.status === 'REJECTED' && <Problem>{status.detail}</Problem>}
          {status?.status === 'PROCESSED' && (
            <Done>
              {t('lab.read', { results: status.resultCount ?? 0, abnormal: status.abnormalCount ?? 0 })}{' '}
              <Link href="/lab-results" className="underline">
                {t('lab.seeMine')}
              </Link>
            </Done>
          )}
        </div>
      )}
    </Page>
  );
}
