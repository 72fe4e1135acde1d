import type { InvoiceDetailsFragment } from '../gql/graphql';
import { formatMoney } from '../money/money';
import { useI18n, type I18n } from '../i18n/I18n';
import { formatDateTime, formatDay } from '../ui/time';

type Method = InvoiceDetailsFragment['payments'][number]['method'];

export const paymentMethodName = (method: Method, t: I18n['t']) => t(`payment.method.${method}`);

/** What an invoice is for, its lines, tax and the payments made against it. */
export function InvoiceLines({ invoice }: { invoice: InvoiceDetailsFragment }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p>
        {invoice.dueDate
          ? t('invoice.chargedDue', { reason: t(`invoice.for.${invoice.chargeReason}`), day: formatDay(invoice.dueDate) })
          : t('invoice.charged', { reason: t(`invoice.for.${invoice.chargeReason}`) })}
      </p>
      <ul aria-label={t('invoice.lines')} className="flex flex-col">
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
            <span>{t('invoice.tax')}</span>
            <span>{formatMoney(invoice.tax)}</span>
          </li>
        )}
      </ul>
      {invoice.payments.length > 0 && (
        <ul aria-label={t('invoice.payments')} className="flex flex-col">
          {invoice.payments.map((payment) => (
            <li key={payment.id}>
              {t('invoice.paid', { amount: formatMoney(payment.amount), method: paymentMethodName(payment.method, t), when: formatDateTime(payment.receivedAt) })}
              {payment.reference && ` (${payment.reference})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
