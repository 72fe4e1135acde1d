import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { formatMoney } from '../money/money';
import { Empty, Loading, Page, Problem } from '../ui/States';

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
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <thead>
                <tr>
                  <th scope="col">Appointment</th>
                  <th scope="col" className="text-right">Fee</th>
                  <th scope="col" className="text-right">Late cancellation</th>
                  <th scope="col" className="text-right">No-show</th>
                </tr>
              </thead>
              <tbody>
                {schedule.fees.map((fee) => (
                  <tr key={fee.appointmentType} className="border-t border-slate-200">
                    <td>{fee.appointmentType.replace('_', ' ').toLowerCase()}</td>
                    <td className="text-right">{formatMoney(fee.fee)}</td>
                    <td className="text-right">{formatMoney(fee.lateCancellationFee)}</td>
                    <td className="text-right">{formatMoney(fee.noShowFee)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
