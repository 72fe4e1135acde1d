import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useSession } from '../auth/session';
import { InvoiceLines } from '../billing/InvoiceLines';
import { InvoiceStatusBadge } from '../billing/InvoiceStatusBadge';
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
  const [{ data, fetching, error }] = useQuery({ query: MyInvoicesList, variables: { patientId: subject } });
  const invoices = data?.invoices.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title="My invoices">
      {fetching && !data && <Loading what="your invoices" />}
      <Problem>{problem(error)}</Problem>
      {data && invoices.length === 0 && <Empty>No invoices yet: one is raised after each visit.</Empty>}
      <ul className="flex flex-col gap-3">
        {invoices.map((invoice) => (
          <li key={invoice.id} className="flex flex-col gap-1 rounded border border-slate-300 bg-white p-3">
            <p className="flex flex-wrap items-center gap-2">
              <strong>{invoice.number}</strong> <InvoiceStatusBadge status={invoice.status} />
              <span>issued {formatDateTime(invoice.issuedAt)}</span>
            </p>
            <InvoiceLines invoice={invoice} />
            <p>
              Total {formatMoney(invoice.total)}, still to pay <strong>{formatMoney(invoice.balanceDue)}</strong>
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
