import type { InvoiceStatus } from '../gql/graphql';

export interface WorklistInvoice {
  status: InvoiceStatus;
  dueDate?: string | null;
  issuedAt: string;
}

const isOpen = (invoice: WorklistInvoice) => invoice.status === 'ISSUED' || invoice.status === 'PARTIALLY_PAID';

/** Open and past its due date (a calendar day, compared with today's in the reader's zone). */
export const isOverdue = (invoice: WorklistInvoice, today: string) => isOpen(invoice) && !!invoice.dueDate && invoice.dueDate < today;

/**
 * Billing's order of work: overdue invoices first, the longest overdue on top; then the other
 * open ones by due date; then the settled ones, newest first.
 */
export function worklistOrder<I extends WorklistInvoice>(invoices: readonly I[], today: string): I[] {
  const rank = (invoice: I) => (isOverdue(invoice, today) ? 0 : isOpen(invoice) ? 1 : 2);
  return [...invoices].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) < 2) return (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');
    return b.issuedAt.localeCompare(a.issuedAt);
  });
}
