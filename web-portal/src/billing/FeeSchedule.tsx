import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { formatMoney } from '../money/money';
import { Empty, Loading, Page, Problem } from '../ui/States';
import { Table } from '../ui/Table';

const Fees = graphql(`
  query FeeSchedule {
    feeSchedule {
      version
      taxRateBasisPoints
      fees {
        appointmentType
        fee {
          amountMinor
          currency
        }
        lateCancellationFee {
          amountMinor
          currency
        }
        noShowFee {
          amountMinor
          currency
        }
      }
    }
  }
`);

const COLUMNS = [
  { label: 'Appointment' },
  { label: 'Fee', numeric: true },
  { label: 'Late cancellation', numeric: true },
  { label: 'No-show', numeric: true },
];

export function FeeSchedule() {
  const [{ data, fetching, error }] = useQuery({ query: Fees });
  const schedule = data?.feeSchedule;
  return (
    <Page title="Fee schedule">
      {fetching && !data && <Loading what="the fee schedule" />}
      <Problem>{problem(error)}</Problem>
      {data && !schedule && <Empty>No fee schedule is set.</Empty>}
      {schedule && (
        <>
          <p>
            Version {schedule.version}, tax {(schedule.taxRateBasisPoints / 100).toFixed(2)} %
          </p>
          <Table columns={COLUMNS}>
            {schedule.fees.map((fee) => (
              <tr key={fee.appointmentType} className="border-t border-slate-200">
                <td>{fee.appointmentType.replace('_', ' ').toLowerCase()}</td>
                <td className="text-right">{formatMoney(fee.fee)}</td>
                <td className="text-right">{formatMoney(fee.lateCancellationFee)}</td>
                <td className="text-right">{formatMoney(fee.noShowFee)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </Page>
  );
}
