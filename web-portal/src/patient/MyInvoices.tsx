import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useSession } from '../auth/session';
import { InvoiceLines } from '../billing/InvoiceLines';
import { InvoiceStatusBadge } from '../billing/InvoiceStatusBadge';
import { PaymentHistory } from '../billing/PaymentHistory';
import { useI18n } from '../i18n/I18n';
import { formatMoney } from '../money/money';
import { Empty, Loading, Page, Problem } from '../ui/States';
import { formatDateTime } from '../ui/time';

const MyInvoicesList = graphql(`
  query MyInvoices($patientId: ID!) {
    invoices(patientId: $patientId, first: 50) {
      edges {
        node {
          ...InvoiceSummary
          ...InvoiceDetails
        }
      }
    }
  }
`);

export function MyInvoices() {
  const { subject } = useSession();
  const { t, phrase } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyInvoicesList, variables: { patientId: subject } });
  const invoices = data?.invoices.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('nav.myInvoices')}>
      {fetching && !data && <Loading what={t('invoice.loadingMine')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && invoices.length === 0 && <Empty>{t('invoice.noneMine')}</Empty>}
      <ul className="flex flex-col gap-3">
        {invoices.map((invoice) => (
          <li key={invoice.id} className="flex flex-col gap-1 rounded border border-slate-300 bg-white p-3">
            <p className="flex flex-wrap items-center gap-2">
              <strong>{invoice.number}</strong> <InvoiceStatusBadge status={invoice.status} />
              <span>{t('invoice.issued', { when: formatDateTime(invoice.issuedAt) })}</span>
            </p>
            <InvoiceLines invoice={invoice} />
            <p>
              {t('invoice.totalStill', { total: formatMoney(invoice.total) })} <strong>{formatMoney(invoice.balanceDue)}</strong>
            </p>
          </li>
        ))}
      </ul>
      {data && invoices.length > 0 && <PaymentHistory invoices={invoices} />}
    </Page>
  );
}
