import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useSession } from '../auth/session';
import { InvoiceStatusBadge } from '../billing/InvoiceStatusBadge';
import { formatMoney } from '../money/money';
import { Empty, Loading, Page, Problem } from '../ui/States';
import { Table } from '../ui/Table';
import { formatDateTime } from '../ui/time';

const MyInvoicesList = graphql(`
  query MyInvoices($patientId: ID!) {
    invoices(patientId: $patientId, first: 50) {
      edges {
        node {
          ...InvoiceSummary
        }
      }
    }
  }
`);

const COLUMNS = [
  { label: 'Invoice' },
  { label: 'Issued' },
  { label: 'Status' },
  { label: 'Total', numeric: true },
  { label: 'Still to pay', numeric: true },
];

export function MyInvoices() {
  const { subject } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: MyInvoicesList, variables: { patientId: subject } });
  const invoices = data?.invoices.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title="My invoices">
      {fetching && !data && <Loading what="your invoices" />}
      <Problem>{problem(error)}</Problem>
      {data && invoices.length === 0 && <Empty>No invoices yet: one is raised after each visit.</Empty>}
      {invoices.length > 0 && (
        <Table columns={COLUMNS}>
          {invoices.map((invoice) => (
            <tr key={invoice.id} className="border-t border-slate-200">
              <td>{invoice.number}</td>
              <td>{formatDateTime(invoice.issuedAt)}</td>
              <td>
                <InvoiceStatusBadge status={invoice.status} />
              </td>
              <td className="text-right">{formatMoney(invoice.total)}</td>
              <td className="text-right">{formatMoney(invoice.balanceDue)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Page>
  );
}
