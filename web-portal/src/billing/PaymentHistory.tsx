import type { InvoiceDetailsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { formatMoney } from '../money/money';
import { Table } from '../ui/Table';
import { formatDateTime } from '../ui/time';
import { paymentMethodName } from './InvoiceLines';

type InvoiceWithPayments = Pick<InvoiceDetailsFragment, 'payments'> & { id: string; number: string };

/** Every payment made across a patient's invoices, newest first: what a patient or billing asks "what was paid, when". */
export function paymentsAcross(invoices: readonly InvoiceWithPayments[]) {
  const payments = invoices.flatMap((invoice) => invoice.payments.map((payment) => ({ ...payment, invoiceNumber: invoice.number })));
  return payments.sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt) || a.id.localeCompare(b.id));
}

/** The payment history: one row per payment, the invoice it paid named. */
export function PaymentHistory({ invoices }: { invoices: readonly InvoiceWithPayments[] }) {
  const { t } = useI18n();
  const payments = paymentsAcross(invoices);
  return (
    <section aria-labelledby="payment-history" className="flex flex-col gap-2">
      <h3 id="payment-history" className="font-semibold">
        {t('payments.history')}
      </h3>
      {payments.length === 0 ? (
        <p>{t('payments.none')}</p>
      ) : (
        <Table
          columns={[
            { label: t('payments.when') },
            { label: t('payments.invoice') },
            { label: t('payments.method') },
            { label: t('payments.reference') },
            { label: t('payments.amount'), numeric: true },
          ]}
        >
          {payments.map((payment) => (
            <tr key={payment.id} className="border-t border-slate-200">
              <td>{formatDateTime(payment.receivedAt)}</td>
              <td>{payment.invoiceNumber}</td>
              <td>{paymentMethodName(payment.method, t)}</td>
              <td>{payment.reference ?? '—'}</td>
              <td className="text-right">{formatMoney(payment.amount)}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
