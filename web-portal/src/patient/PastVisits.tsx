import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import { formatMoney } from '../money/money';
import { Empty, Loading, Problem, quietButtonClass } from '../ui/States';
import { formatDateTime } from '../ui/time';

const PastVisitsPage = graphql(`
  query PastVisits($patientId: ID!, $after: String) {
    appointments(patientId: $patientId, filter: PAST, first: 10, after: $after) {
      edges {
        node {
          id
          start
          status
          appointmentType
          reason
          practitioner {
            name {
              given
              family
            }
          }
          invoice {
            id
            number
            status
            total {
              amountMinor
              currency
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The patient's past visits, newest first as appointment-service orders them, ten more at a time. */
export function PastVisits({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const [afters, setAfters] = useState<(string | null)[]>([null]);
  return (
    <section aria-labelledby="past-visits" className="flex flex-col gap-2">
      <h3 id="past-visits" className="font-semibold">
        {t('visits.title')}
      </h3>
      <ul className="flex flex-col gap-2">
        {afters.map((after, index) => (
          <VisitsPage
            key={after ?? 'first'}
            patientId={patientId}
            after={after}
            first={index === 0}
            onMore={index === afters.length - 1 ? (cursor) => setAfters([...afters, cursor]) : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

function VisitsPage({ patientId, after, first, onMore }: { patientId: string; after: string | null; first: boolean; onMore?: (cursor: string) => void }) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: PastVisitsPage, variables: { patientId, after } });
  const visits = data?.appointments.edges.map((edge) => edge.node) ?? [];
  const next = data?.appointments.pageInfo;
  return (
    <>
      {fetching && !data && (
        <li>
          <Loading what={t('visits.loading')} />
        </li>
      )}
      {error && (
        <li>
          <Problem>{problem(error)}</Problem>
        </li>
      )}
      {first && data && visits.length === 0 && (
        <li>
          <Empty>{t('visits.none')}</Empty>
        </li>
      )}
      {visits.map((visit) => (
        <li key={visit.id} className="rounded border border-slate-300 bg-white p-3">
          <p className="font-medium">
            {t('visits.when', {
              when: formatDateTime(visit.start),
              who: `${visit.practitioner?.name.given ?? ''} ${visit.practitioner?.name.family ?? ''}`.trim(),
            })}
          </p>
          <p className="text-sm text-slate-600">
            {t(`appointment.type.${visit.appointmentType}`)}, {t(`appointment.status.${visit.status}`)}
            {visit.reason && `: ${visit.reason}`}
          </p>
          {visit.invoice && (
            <p className="text-sm">
              {t('visits.invoice', { number: visit.invoice.number, total: formatMoney(visit.invoice.total), status: t(`invoice.status.${visit.invoice.status}`) })}
            </p>
          )}
        </li>
      ))}
      {onMore && next?.hasNextPage && next.endCursor && (
        <li>
          <button type="button" className={quietButtonClass} onClick={() => onMore(next.endCursor!)}>
            {t('visits.more')}
          </button>
        </li>
      )}
    </>
  );
}
