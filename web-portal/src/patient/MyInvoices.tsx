import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useSession } from '../auth/session';
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
      {invoices.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Issued</th>
                <th scope="col">Status</th>
                <th scope="col" className="text-right">Total</th>
                <th scope="col" className="text-right">Still to pay</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
