import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { badRequest, fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { InvoiceItem } from './Invoices';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const invoice = {
  id: 'i-1',
  number: 'INV-1',
  status: 'ISSUED' as const,
  issuedAt: '2026-12-01T09:00:00Z',
  chargeReason: 'LATE_CANCELLATION' as const,
  dueDate: '2026-12-15',
  lineItems: [{ description: 'Late cancellation: Consultation, 2026-12-02', quantity: 1, unitPrice: eur(5000), total: eur(5000) }],
  subtotal: eur(5000),
  tax: eur(0),
  total: eur(5000),
  balanceDue: eur(5000),
  amountPaid: eur(0),
  payments: [],
} satisfies Parameters<typeof InvoiceItem>[0]['invoice'];

describe('recording a payment', () => {
  it('shows what the invoice is for and a receipt once paid', async () => {
    const paid = {
      id: 'i-1',
      status: 'PARTIALLY_PAID',
      balanceDue: eur(3750),
      payments: [{ id: 'pay-1', amount: eur(1250), method: 'CASH', reference: 'till 2', receivedAt: '2026-12-02T10:00:00Z' }],
    };
    const onPaid = vi.fn();
    render(withClient(fakeClient({ RecordPayment: { data: { recordPayment: paid } } }), <InvoiceItem invoice={invoice} onPaid={onPaid} />, 'billing-1', ['BILLING']));

    expect(screen.getByText(/for a late cancellation/)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Lines' })).toHaveTextContent('Late cancellation: Consultation, 2026-12-02');
    await userEvent.type(screen.getByLabelText('Amount (EUR)'), '12,50');
    await userEvent.selectOptions(screen.getByLabelText('Method'), 'CASH');
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));

    expect(onPaid).toHaveBeenCalledWith(expect.stringMatching(/^Receipt for INV-1: €12.50 paid by cash .* \(till 2\); still to pay €37.50\.$/));
  });

  it('asks for an amount instead of sending one it cannot read', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient({}, sent), <InvoiceItem invoice={invoice} onPaid={() => {}} />, 'billing-1', ['BILLING']));

    await userEvent.type(screen.getByLabelText('Amount (EUR)'), 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));

    expect(screen.getByLabelText('Amount (EUR)')).toHaveAccessibleDescription('Enter an amount above zero, such as 12.50.');
    expect(sent).toEqual([]);
  });

  it("shows the service's refusal of the amount on the amount field", async () => {
    const client = fakeClient({ RecordPayment: { error: badRequest([{ field: 'amount.amountMinor', description: 'must be positive' }]) } });
    render(withClient(client, <InvoiceItem invoice={invoice} onPaid={() => {}} />, 'billing-1', ['BILLING']));

    await userEvent.type(screen.getByLabelText('Amount (EUR)'), '12.50');
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));

    expect(screen.getByLabelText('Amount (EUR)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Please check the marked fields.');
  });
});
