import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { InvoiceStatus } from '../gql/graphql';
import { PATIENT_SEARCH, formErrors } from '../api/formFields';
import { useI18n } from '../i18n/I18n';
import { Field } from '../ui/Field';
import { PageButtons, useCursorPages } from '../ui/Pages';
import { Done, Empty, Loading, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { dayIn, formatDay } from '../ui/time';
import { InvoiceItem } from './Invoices';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { formatMoney } from '../money/money';
import { isOverdue, worklistOrder } from './worklist';

const BillingWorklist = graphql(`
  query BillingWorklist($familyNamePrefix: String!, $statuses: [InvoiceStatus!], $after: String) {
    patients(search: { familyNamePrefix: $familyNamePrefix }, first: 20, after: $after) {
      edges {
        node {
          id
          name {
            given
            family
          }
          invoices(statuses: $statuses, first: 20) {
            ...InvoiceSummary
            ...InvoiceDetails
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

/**
 * Billing's worklist: the invoices in the chosen statuses of the patients whose family name
 * begins with the letters typed, overdue ones first. The BFF lists invoices per patient only
 * (`invoices(patientId:)`) and patients only by a name prefix or a date of birth, so the list
 * pages through patients, 20 at a time, and sorts each page's invoices.
 */
export function Worklist({ statuses }: { statuses: readonly InvoiceStatus[] }) {
  const { t, phrase } = useI18n();
  const [typed, setTyped] = useState('');
  const [letters, setLetters] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [opened, setOpened] = useState<string>();
  const [receipt, setReceipt] = useState<string>();
  const pages = useCursorPages();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: BillingWorklist,
    variables: { familyNamePrefix: letters, statuses: statuses.length ? [...statuses] : null, after: pages.after },
    pause: letters.length < 2,
  });
  const refused = formErrors(PATIENT_SEARCH, error);
  const today = dayIn(new Date());
  const rows = worklistOrder(
    (data?.patients.edges ?? []).flatMap(({ node: patient }) =>
      (patient.invoices ?? []).map((invoice) => ({ ...invoice, patientName: `${patient.name.family}, ${patient.name.given}` })),
    ),
    today,
  );

  const show = (event: FormEvent) => {
    event.preventDefault();
    setTooShort(typed.trim().length < 2);
    if (typed.trim().length < 2) return;
    setLetters(typed.trim());
    setOpened(undefined);
    pages.restart();
  };

  return (
    <section aria-labelledby="worklist" className="flex flex-col gap-3">
      <h3 id="worklist" className="font-semibold">
        {t('worklist.title')}
      </h3>
      <form onSubmit={show} noValidate className="flex flex-wrap items-end gap-2">
        <Field
          label={t('worklist.letters')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={tooShort ? t('worklist.twoLetters') : phrase(refused.fields.familyNamePrefix)}
        />
        <button type="submit" className={buttonClass}>
          {t('worklist.show')}
        </button>
      </form>
      {receipt && <Done>{receipt}</Done>}
      {fetching && <Loading what={t('worklist.loading')} />}
      <Problem>{refused.fields.familyNamePrefix ? undefined : phrase(refused.problem)}</Problem>
      {data && rows.length === 0 && <Empty>{t('worklist.none', { letters })}</Empty>}
      {rows.length > 0 && (
        <ul aria-label={t('worklist.invoices')} className="flex flex-col gap-2">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-col gap-2">
              <div className="flex flex-wrap items-center gap-2 rounded border border-slate-300 bg-white p-3">
                <strong>{row.number}</strong>
                <InvoiceStatusBadge status={row.status} />
                <span>{row.patientName}</span>
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
      {letters.length >= 2 && <PageButtons pages={pages} pageInfo={data?.patients.pageInfo} />}
    </section>
  );
}
