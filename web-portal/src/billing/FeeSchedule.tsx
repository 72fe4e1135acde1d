import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import { formattingLocale } from '../i18n/language';
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

export function FeeSchedule() {
  const { t, phrase } = useI18n();
  const columns = [
    { label: t('fees.appointment') },
    { label: t('fees.fee'), numeric: true },
    { label: t('fees.late'), numeric: true },
    { label: t('fees.noShow'), numeric: true },
  ];
  const [{ data, fetching, error }] = useQuery({ query: Fees });
  const schedule = data?.feeSchedule;
  return (
    <Page title={t('nav.feeSchedule')}>
      {fetching && !data && <Loading what={t('fees.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && !schedule && <Empty>{t('fees.none')}</Empty>}
      {schedule && (
        <>
          <p>
            {t('fees.version', {
              version: schedule.version,
              tax: (schedule.taxRateBasisPoints / 100).toLocaleString(formattingLocale(), { minimumFractionDigits: 2 }),
            })}
          </p>
          <Table columns={columns}>
            {schedule.fees.map((fee) => (
              <tr key={fee.appointmentType} className="border-t border-slate-200">
                <td>{t(`appointment.type.${fee.appointmentType}`)}</td>
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
