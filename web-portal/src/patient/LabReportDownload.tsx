import { useId, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { quietButtonClass } from '../ui/States';
import { formatDateTime } from '../ui/time';

const Download = graphql(`
  query LabReportDownload($reportId: ID!) {
    labReportDownload(reportId: $reportId) {
      downloadUrl
      expiresAt
    }
  }
`);

/** Why lab-processor has no file to hand out (the CONFLICT's reasons), in the reader's words. */
const NO_FILE: Record<string, MessageKey> = {
  HELD_FOR_REVIEW: 'lab.download.HELD_FOR_REVIEW',
  OBJECT_MISSING: 'lab.download.OBJECT_MISSING',
  REPORT_REJECTED: 'lab.download.REPORT_REJECTED',
  NOT_UPLOADED: 'lab.download.NOT_UPLOADED',
};

/** The refusal's reason when it is one of those above, else undefined (and the general words apply). */
function noFileReason(error: CombinedError | undefined): MessageKey | undefined {
  const reasons = error?.graphQLErrors[0]?.extensions?.reasons;
  return Array.isArray(reasons) ? reasons.map((reason) => NO_FILE[String(reason)]).find(Boolean) : undefined;
}

export interface DownloadableReport {
  id: string;
  fileName: string;
  createdAt: string;
}

/**
 * Opens a lab report's original PDF in a new tab. The link is asked for on the click, never while
 * listing: the BFF's link is a bearer link that works for five minutes only. The tab is opened as
 * soon as the answer comes (the click still counts as the person's own for the popup blocker, which
 * allows a few seconds) and without a way back to the portal (`noopener`).
 */
export function LabReportDownload({ report }: { report: DownloadableReport }) {
  const { t, phrase } = useI18n();
  const client = useClient();
  const [asking, setAsking] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const refusalId = useId();
  const download = async () => {
    setAsking(true);
    setRefusal(undefined);
    const answer = await client.query(Download, { reportId: report.id }, { requestPolicy: 'network-only' }).toPromise();
    setAsking(false);
    if (answer.data) {
      window.open(answer.data.labReportDownload.downloadUrl, '_blank', 'noopener');
      return;
    }
    const reason = noFileReason(answer.error);
    setRefusal(reason ? t(reason) : phrase(problem(answer.error)));
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={quietButtonClass}
        disabled={asking}
        // The visible words first, then which report: a list holds several, often of the same file name.
        aria-label={t('lab.downloadNamed', { file: report.fileName, when: formatDateTime(report.createdAt) })}
        aria-describedby={refusal ? refusalId : undefined}
        onClick={() => void download()}
      >
        {t('lab.download')}
      </button>
      {refusal && (
        <span id={refusalId} role="alert" className="text-sm text-red-700">
          {refusal}
        </span>
      )}
    </span>
  );
}
