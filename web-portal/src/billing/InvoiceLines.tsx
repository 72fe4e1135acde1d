import type { InvoiceDetailsFragment } from '../gql/graphql';
import { formatMoney } from '../money/money';
import { formatDateTime, formatDay } from '../ui/time';

const FOR: Record<InvoiceDetailsFragment['chargeReason'], string> = {
  VISIT: 'for a visit',
  LATE_CANCELLATION: 'for a late cancellation',
  NO_SHOW: 'for a missed appointment',
};

const METHOD: Record<InvoiceDetailsFragment['payments'][number]['method'], string> = {
  CARD: 'card',
  CASH: 'cash',
  BANK_TRANSFER: 'bank transfer',
  INSURANCE: 'insurance',
};

export const paymentMethodName = (method: InvoiceDetailsFragment['payments'][number]['method']) => METHOD[method];

/** What an invoice is for, its lines, tax and the payments made against it. */
export function InvoiceLines({ invoice }: { invoice: InvoiceDetailsFragment }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p>
        Charged {FOR[invoice.chargeReason]}
        {invoice.dueDate && `, due ${formatDay(invoice.dueDate)}`}.
      </p>
      <ul aria-label="Lines" className="flex flex-col">
        {invoice.lineItems.map((line, index) => (
          <li key={index} className="flex justify-between gap-4">
            <span>
              {line.quantity > 1 && `${line.quantity} × `}
              {line.description}
            </span>
            <span>{formatMoney(line.total)}</span>
          </li>
        ))}
        {invoice.tax.amountMinor > 0 && (
          <li className="flex justify-between gap-4">
            <span>Tax</span>
            <span>{formatMoney(invoice.tax)}</span>
          </li>
        )}
      </ul>
      {invoice.payments.length > 0 && (
        <ul aria-label="Payments" className="flex flex-col">
          {invoice.payments.map((payment) => (
            <li key={payment.id}>
              Paid {formatMoney(payment.amount)} by {METHOD[payment.method]} on {formatDateTime(payment.receivedAt)}
              {payment.reference && ` (${payment.reference})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
