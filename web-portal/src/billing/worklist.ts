import type { InvoiceStatus } from '../gql/graphql';

export interface WorklistInvoice {
  status: InvoiceStatus;
  dueDate?: string | null;
}

const isOpen = (invoice: WorklistInvoice) => invoice.status === 'ISSUED' || invoice.status === 'PARTIALLY_PAID';

/** Open and past its due date (a calendar day, compared with today's in the clinic's zone). */
export const isOverdue = (invoice: WorklistInvoice, today: string) => isOpen(invoice) && !!invoice.dueDate && invoice.dueDate < today;
