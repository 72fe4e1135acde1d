import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { badRequest, fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { InvoiceItem } from './Invoices';

const invoice = {
  id: 'i-1',
  number: 'INV-1',
  status: 'ISSUED',
  issuedAt: '2026-12-01T09:00:00Z',
  total: { amountMinor: 5000, currency: 'EUR' },
  balanceDue: { amountMinor: 5000, currency: 'EUR' },
  amountPaid: { amountMinor: 0, currency: 'EUR' },
} as const;

describe('recording a payment', () => {
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
