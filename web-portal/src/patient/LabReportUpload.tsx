import { useState, type FormEvent } from 'react';
import { useClient, useSubscription } from 'urql';
import { graphql } from '../gql';
import type { LabReportStatus } from '../gql/graphql';
import { problem } from '../api/errors';
import { LAB_REPORT_UPLOAD, formErrors } from '../api/formFields';
import { useSession } from '../auth/session';
import { Link } from '../routing/router';
import { Done, Page, Problem, buttonClass } from '../ui/States';
import { putWithProgress } from './upload';

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

const STATUS_WORDS: Record<LabReportStatus, string> = {
  AWAITING_UPLOAD: 'waiting for the file',
  UPLOADED: 'received',
  PROCESSING: 'being read',
  PROCESSED: 'read',
  REJECTED: 'rejected',
  NEEDS_REVIEW: 'waiting for a doctor to look at it',
};

/** Request a presigned URL, PUT the PDF with a progress bar, confirm, then follow the report's status live. */
export function LabReportUpload() {
  const { subject } = useSession();
  const client = useClient();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [reportId, setReportId] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [errors, setErrors] = useState<{ file?: string }>({});
  const [{ data: live, error: liveError }] = useSubscription({
    query: ReportStatus,
    variables: { reportId: reportId ?? '' },
    pause: !reportId,
  });

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
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
    <Page title="Upload a lab report">
      <form onSubmit={upload} className="flex flex-col gap-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor="lab-report-file" className="font-medium">
            Lab report (PDF, at most 10 MiB)
          </label>
          <input
            id="lab-report-file"
            type="file"
            accept="application/pdf"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby="lab-report-file-error"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
          <span id="lab-report-file-error" className="text-sm text-red-700">
            {errors.file}
          </span>
        </div>
        <button type="submit" className={buttonClass} disabled={progress !== undefined && progress < 1 && !failure}>
          Upload
        </button>
      </form>
      {progress !== undefined && (
        <div className="flex flex-col gap-1">
          <label htmlFor="upload-progress">Sent</label>
          <progress id="upload-progress" max={100} value={Math.round(progress * 100)} className="w-full">
            {Math.round(progress * 100)} %
          </progress>
        </div>
      )}
      <Problem>{failure ?? problem(liveError)}</Problem>
      {reportId && (
        <div role="status" aria-live="polite" className="flex flex-col gap-2">
          <p>
            Report status: <strong data-testid="report-status">{status ? STATUS_WORDS[status.status] : 'uploaded'}</strong>
          </p>
          {status?.status === 'REJECTED' && <Problem>{status.detail}</Problem>}
          {status?.status === 'PROCESSED' && (
            <Done>
              {status.resultCount} results read, {status.abnormalCount} out of range.{' '}
              <Link href="/lab-results" className="underline">
                See my lab results
              </Link>
            </Done>
          )}
        </div>
      )}
    </Page>
  );
}
