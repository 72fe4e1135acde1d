import type { InvoiceStatus } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';

const LOOKS: Record<InvoiceStatus, string> = {
  ISSUED: 'bg-amber-100 text-amber-900',
  PARTIALLY_PAID: 'bg-sky-100 text-sky-900',
  PAID: 'bg-green-100 text-green-900',
  VOID: 'bg-slate-200 text-slate-700',
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useI18n();
  return <span className={`rounded px-2 py-0.5 text-sm ${LOOKS[status]}`}>{t(`invoice.status.${status}`)}</span>;
}
