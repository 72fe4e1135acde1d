import { useId, useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import { Done, quietButtonClass } from '../ui/States';
import { dayIn } from '../ui/time';

const FhirRecord = graphql(`
  query FhirRecord($patientId: ID!) {
    fhirRecord(patientId: $patientId)
  }
`);

/** The file's name: whose clinic, what, and the clinic's day it was taken on. */
export function recordFileName(now = new Date()): string {
  return `medicore-record-${dayIn(now)}.json`;
}

/** Hands the text to the browser as a file to save, without leaving the page. */
function save(json: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/fhir+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has taken the file by the time the click returns; the URL would only hold the record in memory.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Download my record": the patient's whole record as the FHIR R4 Bundle fhir-api answers for
 * `Patient/{id}/$everything`, asked through the BFF (the browser cannot call fhir-api: it sends no
 * CORS headers and the portal's CSP names only the BFF), saved as a .json file. Asked on the click
 * only; a failure is said beside the button.
 */
export function RecordDownload({ patientId }: { patientId: string }) {
  const { t, phrase } = useI18n();
  const client = useClient();
  const [state, setState] = useState<{ asking?: boolean; saved?: boolean; refusal?: string }>({});
  const refusalId = useId();
  const download = async () => {
    setState({ asking: true });
    const answer = await client.query(FhirRecord, { patientId }, { requestPolicy: 'network-only' }).toPromise();
    if (answer.data) {
      save(answer.data.fhirRecord, recordFileName());
      setState({ saved: true });
    } else {
      setState({ refusal: `${t('record.failed')} ${phrase(problem(answer.error)) ?? ''}`.trim() });
    }
  };
  return (
    <section aria-labelledby="record-download" className="flex flex-col gap-2 border-t border-slate-200 pt-4">
      <h3 id="record-download" className="font-semibold">
        {t('record.title')}
      </h3>
      <p className="text-sm text-slate-600">{t('record.hint')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={quietButtonClass}
          disabled={state.asking}
          aria-describedby={state.refusal ? refusalId : undefined}
          onClick={() => void download()}
        >
          {state.asking ? t('record.downloading') : t('record.download')}
        </button>
        {state.refusal && (
          <span id={refusalId} role="alert" className="text-sm text-red-700">
            {state.refusal}
          </span>
        )}
      </div>
      {state.saved && <Done>{t('record.saved')}</Done>}
    </section>
  );
}
