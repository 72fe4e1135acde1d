import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { Worklist } from './Worklist';
import { worklistOrder } from './worklist';
import { expectNoAxeViolations } from '../test-support/axe';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const invoice = (number: string, status: string, dueDate: string | null, issuedAt = '2026-11-01T09:00:00Z') => ({
  id: number,
  number,
  status,
  issuedAt,
  dueDate,
  chargeReason: 'VISIT',
  lineItems: [],
  subtotal: eur(4500),
  tax: eur(0),
  total: eur(4500),
  amountPaid: eur(0),
  balanceDue: eur(4500),
  payments: [],
});

describe("billing's worklist", () => {
  it('puts overdue invoices first, the longest overdue on top, then open ones by due date, then settled ones', () => {
    const order = worklistOrder(
      [
        { number: 'paid', status: 'PAID' as const, dueDate: '2026-11-01', issuedAt: '2026-10-01T00:00:00Z' },
        { number: 'due-later', status: 'ISSUED' as const, dueDate: '2026-12-20', issuedAt: '2026-12-01T00:00:00Z' },
        { number: 'overdue-recent', status: 'PARTIALLY_PAID' as const, dueDate: '2026-11-30', issuedAt: '2026-11-15T00:00:00Z' },
        { number: 'overdue-long', status: 'ISSUED' as const, dueDate: '2026-10-15', issuedAt: '2026-10-01T00:00:00Z' },
        { number: 'due-today', status: 'ISSUED' as const, dueDate: '2026-12-02', issuedAt: '2026-11-20T00:00:00Z' },
      ],
      '2026-12-02',
    );
    expect(order.map((i) => i.number)).toEqual(['overdue-long', 'overdue-recent', 'due-today', 'due-later', 'paid']);
  });

  it("lists the open invoices of the patients the letters find, overdue marked, and opens one to record a payment", async () => {
    const sent: Sent = [];
    const client = fakeClient(
      {
        BillingWorklist: {
          data: {
            patients: {
              edges: [
                { node: { id: 'p-1', name: { given: 'Erika', family: 'Muster' }, invoices: [invoice('INV-2', 'ISSUED', '2999-01-01')] } },
                { node: { id: 'p-2', name: { given: 'Max', family: 'Mustermann' }, invoices: [invoice('INV-1', 'ISSUED', '2020-01-01')] } },
              ],
              pageInfo: { hasNextPage: false, endCursor: null },
            },
          },
        },
      },
      sent,
    );
    render(withClient(client, <Worklist statuses={['ISSUED', 'PARTIALLY_PAID']} />, 'billing-1', ['BILLING']));

    await userEvent.click(screen.getByRole('button', { name: 'Show invoices' }));
    expect(screen.getByLabelText('Family names beginning with')).toHaveAccessibleDescription('Type at least two letters of the family name.');
    expect(sent).toEqual([]);

    await userEvent.type(screen.getByLabelText('Family names beginning with'), 'Mu');
    await userEvent.click(screen.getByRole('button', { name: 'Show invoices' }));

    const rows = within(screen.getByRole('list', { name: 'Invoices, overdue first' })).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('INV-1');
    expect(rows[0]).toHaveTextContent('Mustermann, Max');
    expect(rows[0]).toHaveTextContent(/overdue since/);
    expect(rows[1]).toHaveTextContent('INV-2');
    expect(sent[0].variables).toEqual({ familyNamePrefix: 'Mu', statuses: ['ISSUED', 'PARTIALLY_PAID'], after: null });

    await userEvent.click(screen.getByRole('button', { name: 'Open INV-1' }));
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeInTheDocument();
  });

  it('passes axe with an invoice opened', async () => {
    const client = fakeClient({
      BillingWorklist: {
        data: {
          patients: {
            edges: [{ node: { id: 'p-1', name: { given: 'Erika', family: 'Muster' }, invoices: [invoice('INV-2', 'ISSUED', '2020-01-01')] } }],
            pageInfo: { hasNextPage: true, endCursor: 'c-1' },
          },
        },
      },
    });
    const { container } = render(withClient(client, <Worklist statuses={['ISSUED']} />, 'billing-1', ['BILLING']));
    await userEvent.type(screen.getByLabelText('Family names beginning with'), 'Mu');
    await userEvent.click(screen.getByRole('button', { name: 'Show invoices' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open INV-2' }));
    await expectNoAxeViolations(container);
  });
});
