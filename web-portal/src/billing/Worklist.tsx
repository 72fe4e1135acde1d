import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import { PageButtons, useCursorPages } from '../ui/Pages';
import { Done, Empty, Loading, Problem, quietButtonClass } from '../ui/States';
import { dayIn, formatDay } from '../ui/time';
import { InvoiceItem } from './Invoices';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { formatMoney } from '../money/money';
import { isOverdue } from './worklist';

const BillingWorklist = graphql(`
  query BillingWorklist($overdueOnly: Boolean!, $after: String) {
    invoicesDue(overdueOnly: $overdueOnly, first: 20, after: $after) {
      edges {
        node {
          ...InvoiceSummary
          ...InvoiceDetails
          patient {
            id
            name {
              given
              family
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

/**
 * Billing's worklist, there as soon as the screen opens: every invoice with a balance due across
 * patients, the earliest due date first (so the longest overdue are on top), 20 at a time, or
 * only the overdue ones. billing-service orders and pages it; each can be opened to record a payment.
 */
export function Worklist() {
  const { t, phrase } = useI18n();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [opened, setOpened] = useState<string>();
  const [receipt, setReceipt] = useState<string>();
  const pages = useCursorPages();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: BillingWorklist,
    variables: { overdueOnly, after: pages.after },
  });
  const today = dayIn(new Date());
  const rows = data?.invoicesDue.edges.map((edge) => edge.node) ?? [];
  const total = data?.invoicesDue.totalCount;

  return (
    <section aria-labelledby="worklist" className="flex flex-col gap-3">
      <h3 id="worklist" className="font-semibold">
        {t('worklist.title')}
      </h3>
      <label className="flex min-h-11 items-center gap-1">
        <input
          type="checkbox"
          checked={overdueOnly}
          onChange={() => {
            setOverdueOnly(!overdueOnly);
            setOpened(undefined);
            pages.restart();
          }}
        />
        {t('worklist.overdueOnly')}
      </label>
      {receipt && <Done>{receipt}</Done>}
      {fetching && !data && <Loading what={t('worklist.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && rows.length === 0 && <Empty>{t(overdueOnly ? 'worklist.noneOverdue' : 'worklist.none')}</Empty>}
      {rows.length > 0 && total != null && <p className="text-sm">{t('worklist.count', { count: total })}</p>}
      {rows.length > 0 && (
        <ul aria-label={t('worklist.invoices')} className="flex flex-col gap-2">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-col gap-2">
              <div className="flex flex-wrap items-center gap-2 rounded border border-slate-300 bg-white p-3">
                <strong>{row.number}</strong>
                <InvoiceStatusBadge status={row.status} />
                <span>{row.patient ? `${row.patient.name.family}, ${row.patient.name.given}` : t('worklist.patientHidden')}</span>
                {isOverdue(row, today) ? (
                  <span className="rounded bg-red-100 px-2 py-0.5 text-sm text-red-900">{t('worklist.overdue', { day: formatDay(row.dueDate!) })}</span>
                ) : (
                  row.dueDate && <span className="text-sm">{t('worklist.due', { day: formatDay(row.dueDate) })}</span>
                )}
                <span className="ml-auto">{t('worklist.balance', { amount: formatMoney(row.balanceDue) })}</span>
                <button
                  type="button"
                  className={quietButtonClass}
                  aria-expanded={opened === row.id}
                  onClick={() => setOpened(opened === row.id ? undefined : row.id)}
                >
                  {opened === row.id ? t('worklist.close') : t('worklist.open', { number: row.number })}
                </button>
              </div>
              {opened === row.id && (
                <ul>
                  <InvoiceItem
                    invoice={row}
                    onPaid={(said) => {
                      setReceipt(said);
                      refresh({ requestPolicy: 'network-only' });
                    }}
                  />
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <PageButtons pages={pages} pageInfo={data?.invoicesDue.pageInfo} />
    </section>
  );
}
