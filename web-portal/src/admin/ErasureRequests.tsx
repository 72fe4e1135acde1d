import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { PendingErasureRequestsQuery } from '../gql/graphql';
import { problem } from '../api/errors';
import { ERASURE_DECLINE, missingFields } from '../api/formFields';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import { Link } from '../routing/router';
import { Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { Done, Empty, Loading, Page, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { formatDateTime } from '../ui/time';

const Pending = graphql(`
  query PendingErasureRequests($after: String) {
    pendingErasureRequests(first: 20, after: $after) {
      edges {
        node {
          id
          patientId
          requestedByRole
          requestedBy
          reason
          requestedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Approve = graphql(`
  mutation ApproveErasureRequest($id: ID!) {
    approveErasureRequest(id: $id) {
      id
      state
    }
  }
`);

const Decline = graphql(`
  mutation DeclineErasureRequest($id: ID!, $reason: String!) {
    declineErasureRequest(id: $id, reason: $reason) {
      id
      state
    }
  }
`);

type PendingRequest = PendingErasureRequestsQuery['pendingErasureRequests']['edges'][number]['node'];

/**
 * The erasure requests waiting for a decision, oldest first: each approved after a confirmation, or
 * declined with the reason the patient will read. patient-service holds the four eyes; a refusal
 * (this admin recorded the request) is said beside the request.
 */
export function ErasureRequests() {
  const { t, phrase } = useI18n();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refresh] = useQuery({ query: Pending, variables: { after } });
  const [decided, setDecided] = useState<string | null>(null);
  const requests = data?.pendingErasureRequests.edges.map((edge) => edge.node) ?? [];
  const afterDecision = (outcome: string) => {
    setDecided(outcome);
    refresh({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={t('nav.erasureRequests')}>
      <p className="text-sm text-slate-600">{t('erasures.intro')}</p>
      {fetching && !data && <Loading what={t('erasures.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {decided && <Done>{decided}</Done>}
      {data && requests.length === 0 && <Empty>{t('erasures.none')}</Empty>}
      <ol className="flex flex-col gap-2">
        {requests.map((request) => (
          <ErasureRequestItem key={request.id} request={request} onDecided={afterDecision} />
        ))}
      </ol>
      {data?.pendingErasureRequests.pageInfo.hasNextPage && (
        <div>
          <button type="button" className={quietButtonClass}
                  onClick={() => setAfter(data.pendingErasureRequests.pageInfo.endCursor ?? null)}>
            {t('erasures.later')}
          </button>
        </div>
      )}
    </Page>
  );
}

function ErasureRequestItem({ request, onDecided }: { request: PendingRequest; onDecided: (outcome: string) => void }) {
  const { t, phrase } = useI18n();
  const { subject } = useSession();
  const [step, setStep] = useState<'choose' | 'approve' | 'decline'>('choose');
  const [reason, setReason] = useState('');
  const [approved, approve] = useMutation(Approve);
  const [declined, decline] = useMutation(Decline);
  const { errors, problem: declineRefusal, passes } = useFormCheck(ERASURE_DECLINE, declined.error);
  // What a step opens takes the focus: the approval's question, the decline's reason field.
  const opened = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (step !== 'choose') opened.current?.querySelector<HTMLElement>('[tabindex="-1"], input')?.focus();
  }, [step]);
  const when = formatDateTime(request.requestedAt);
  const recorded = request.requestedBy === subject ? t('erasures.byYou', { when })
    : request.requestedByRole === 'ADMIN' ? t('erasures.byAdmin', { when }) : t('erasures.byPatient', { when });
  const refusal = step === 'decline' ? declineRefusal : problem(approved.error);
  const sendDecline = (event: FormEvent) => {
    event.preventDefault();
    if (!passes(missingFields(ERASURE_DECLINE, { reason }))) return;
    void decline({ id: request.id, reason: reason.trim() }).then((result) => {
      if (result.data) onDecided(t('erasures.declined'));
    });
  };
  return (
    <li className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-3" aria-label={t('erasures.of', { when })}>
      <p className="flex flex-wrap items-center gap-3">
        <span className="font-medium">{t('erasures.patient', { patient: request.patientId })}</span>
        <Link href={`/patients/${encodeURIComponent(request.patientId)}`} className="underline">
          {t('erasures.chart')}
        </Link>
      </p>
      <p className="text-sm text-slate-600">{recorded}</p>
      <p className="text-sm">{request.reason ? t('erasures.reason', { reason: request.reason }) : t('erasures.noReason')}</p>
      <Problem>{phrase(refusal)}</Problem>
      {step === 'choose' && (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClass} onClick={() => setStep('approve')}>
            {t('erasures.approve')}
          </button>
          <button type="button" className={quietButtonClass} onClick={() => setStep('decline')}>
            {t('erasures.decline')}
          </button>
        </div>
      )}
      {step === 'approve' && (
        <div ref={opened} role="group" aria-labelledby={`approve-${request.id}`} className="flex flex-col gap-2 rounded border border-amber-400 bg-amber-50 p-3">
          <p id={`approve-${request.id}`} tabIndex={-1}
             className="font-medium focus:outline-none">
            {t('erasures.confirmApprove')}
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={buttonClass} disabled={approved.fetching}
                    onClick={() => void approve({ id: request.id }).then((result) => {
                      if (result.data) onDecided(t('erasures.erased'));
                    })}>
              {t('erasures.yesErase')}
            </button>
            <button type="button" className={quietButtonClass} onClick={() => setStep('choose')}>
              {t('erasures.cancel')}
            </button>
          </div>
        </div>
      )}
      {step === 'decline' && (
        <form onSubmit={sendDecline} noValidate className="flex flex-wrap items-end gap-2">
          <div ref={opened}>
            <Field label={t('erasures.declineReason')} value={reason} maxLength={500}
                   onChange={(e) => setReason(e.target.value)} error={phrase(errors.reason)} />
          </div>
          <button type="submit" className={buttonClass} disabled={declined.fetching}>
            {t('erasures.sendDecline')}
          </button>
          <button type="button" className={quietButtonClass} onClick={() => setStep('choose')}>
            {t('erasures.cancel')}
          </button>
        </form>
      )}
    </li>
  );
}
