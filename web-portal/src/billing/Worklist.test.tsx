import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { Worklist } from './Worklist';
import { expectNoAxeViolations } from '../test-support/axe';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const invoice = (number: string, status: string, dueDate: string | null, patient: { given: string; family: string } | null) => ({
  id: number,
  number,
  status,
  issuedAt: '2026-11-01T09:00:00Z',
  dueDate,
  chargeReason: 'VISIT',
  lineItems: [],
  subtotal: eur(4500),
  tax: eur(0),
  total: eur(4500),
  amountPaid: eur(0),
  balanceDue: eur(4500),
  payments: [],
  patient: patient && { id: `p-${number}`, name: patient },
});

const page = (invoices: ReturnType<typeof invoice>[], hasNextPage = false) => ({
  data: {
    invoicesDue: {
      edges: invoices.map((node) => ({ node })),
      pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c-1' : null },
      totalCount: invoices.length,
    },
  },
});

describe("billing's worklist", () => {
  it('lists every invoice with a balance due as the service orders them, overdue marked, as soon as it opens', async () => {
    const sent: Sent = [];
    const client = fakeClient(
      {
        BillingWorklist: page([
          invoice('INV-1', 'ISSUED', '2020-01-01', { given: 'Max', family: 'Mustermann' }),
          invoice('INV-2', 'PARTIALLY_PAID', '2999-01-01', { given: 'Erika', family: 'Muster' }),
          invoice('INV-3', 'ISSUED', '2999-02-01', null),
        ]),
      },
      sent,
    );
    render(withClient(client, <Worklist />, 'billing-1', ['BILLING']));

    const rows = within(await screen.findByRole('list', { name: 'Invoices with a balance due, the earliest due first' })).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('INV-1');
    expect(rows[0]).toHaveTextContent('Mustermann, Max');
    expect(rows[0]).toHaveTextContent(/overdue since/);
    expect(rows[1]).toHaveTextContent('Muster, Erika');
    expect(rows[1]).toHaveTextContent(/due /);
    expect(rows[2]).toHaveTextContent('a patient you may not see');
    expect(screen.getByText('Invoices with a balance due: 3')).toBeInTheDocument();
    expect(sent[0].variables).toEqual({ overdueOnly: false, after: null });

    await userEvent.click(screen.getByRole('button', { name: 'Open INV-1' }));
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeInTheDocument();
  });

  it('asks the service for the overdue ones only when billing ticks the box, and says when none is', async () => {
    const sent: Sent = [];
    const client = fakeClient({ BillingWorklist: page([]) }, sent);
    render(withClient(client, <Worklist />, 'billing-1', ['BILLING']));

    await userEvent.click(await screen.findByLabelText('Overdue only'));

    expect(await screen.findByText('No invoice is overdue.')).toBeInTheDocument();
    expect(sent.at(-1)?.variables).toEqual({ overdueOnly: true, after: null });
  });

  it('passes axe with an invoice opened', async () => {
    const client = fakeClient({
      BillingWorklist: page([invoice('INV-2', 'ISSUED', '2020-01-01', { given: 'Erika', family: 'Muster' })], true),
    });
    const { container } = render(withClient(client, <Worklist />, 'billing-1', ['BILLING']));
    await userEvent.click(await screen.findByRole('button', { name: 'Open INV-2' }));
    await expectNoAxeViolations(container);
  });
});
