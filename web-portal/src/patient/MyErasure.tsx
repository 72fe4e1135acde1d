import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MyErasureRequestQuery } from '../gql/graphql';
import { problem } from '../api/errors';
import { ERASURE_REQUEST } from '../api/formFields';
import { useI18n } from '../i18n/I18n';
import { Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { Loading, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { formatDateTime } from '../ui/time';
import { erasureRequestOf, forgetErasureRequest, keepErasureRequest } from './erasureRequestKept';

const MyErasureRequest = graphql(`
  query MyErasureRequest($id: ID!) {
    erasureRequest(id: $id) {
      id
      state
      requestedAt
      decidedAt
      declineReason
      erasedAt
    }
  }
`);

const RequestErasure = graphql(`
  mutation RequestErasure($reason: String) {
    requestErasure(reason: $reason) {
      id
      state
      requestedAt
      decidedAt
      declineReason
      erasedAt
    }
  }
`);

type Request = NonNullable<MyErasureRequestQuery['erasureRequest']>;

/**
 * "Erase my data" on My profile: what is erased and what the clinic may have to keep, a
 * confirmation before anything is sent, then where the request stands (pending, approved, erased,
 * or declined with the clinic's reason, after which the patient may ask again).
 */
export function MyErasure({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const [requestId, setRequestId] = useState(() => erasureRequestOf(patientId));
  const [{ data, error, fetching }] = useQuery({ query: MyErasureRequest, variables: { id: requestId ?? '' }, pause: !requestId });
  const [asked, ask] = useMutation(RequestErasure);
  const request = asked.data?.requestErasure ?? data?.erasureRequest ?? undefined;
  const unknown = error?.graphQLErrors.some((e) => e.extensions?.classification === 'NOT_FOUND');
  useEffect(() => {
    // A request patient-service no longer knows is no request to show: the patient may ask anew.
    if (unknown) forgetErasureRequest();
  }, [unknown]);
  const mayAsk = !request || request.state === 'DECLINED';
  return (
    <section aria-labelledby="erasure-title" className="flex flex-col gap-2 border-t border-slate-200 pt-4">
      <h3 id="erasure-title" className="font-semibold">
        {t('erasure.title')}
      </h3>
      <p className="text-sm text-slate-600">{t('erasure.explain')}</p>
      <p className="text-sm text-slate-600">{t('erasure.kept')}</p>
      {fetching && !data && <Loading what={t('erasure.loading')} />}
      {error && !unknown && <Problem>{t('erasure.readFailed')}</Problem>}
      {request && <RequestState request={request} />}
      {mayAsk && (
        <AskForErasure
          declinedBefore={request?.state === 'DECLINED'}
          sending={asked.fetching}
          failed={asked.error}
          onConfirm={(reason) =>
            void ask({ reason: reason.trim() || null }).then((result) => {
              const made = result.data?.requestErasure;
              if (made) {
                keepErasureRequest(patientId, made.id);
                setRequestId(made.id);
              }
            })
          }
        />
      )}
    </section>
  );
}

function RequestState({ request }: { request: Request }) {
  const { t } = useI18n();
  const when = (instant: string | null | undefined) => (instant ? formatDateTime(instant) : '');
  const words = {
    PENDING: t('erasure.pending', { when: when(request.requestedAt) }),
    APPROVED: t('erasure.approved', { when: when(request.decidedAt) }),
    DONE: t('erasure.done', { when: when(request.erasedAt) }),
    DECLINED: t('erasure.declined', { when: when(request.decidedAt), reason: request.declineReason ?? '' }),
  }[request.state];
  return (
    <p role="status" data-state={request.state} className="rounded border border-slate-300 bg-white p-3">
      {words}
    </p>
  );
}

function AskForErasure({ declinedBefore, sending, failed, onConfirm }: {
  declinedBefore: boolean;
  sending: boolean;
  failed: Parameters<typeof problem>[0];
  onConfirm: (reason: string) => void;
}) {
  const { t, phrase } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const { errors, problem: refusal } = useFormCheck(ERASURE_REQUEST, failed);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // The question takes the focus when it opens; "No, keep my data" gives it back to the button that opened it.
    if (confirming) question.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = confirming;
  }, [confirming]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(reason);
  };
  if (!confirming) {
    return (
      <div className="flex flex-col gap-2">
        {declinedBefore && <p className="text-sm">{t('erasure.askAgain')}</p>}
        <div>
          <button ref={opener} type="button" className={quietButtonClass} onClick={() => setConfirming(true)}>
            {t('erasure.ask')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2 rounded border border-amber-400 bg-amber-50 p-3"
          aria-labelledby="erasure-question">
      <p id="erasure-question" ref={question} tabIndex={-1} className="font-medium focus:outline-none">
        {t('erasure.confirmQuestion')}
      </p>
      <Field label={t('erasure.reason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)}
             error={phrase(errors.reason)} />
      <Problem>{failed && `${t('erasure.failed')} ${phrase(refusal) ?? ''}`.trim()}</Problem>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={sending}>
          {sending ? t('erasure.asking') : t('erasure.confirm')}
        </button>
        <button type="button" className={quietButtonClass} onClick={() => setConfirming(false)}>
          {t('erasure.cancel')}
        </button>
      </div>
    </form>
  );
}
