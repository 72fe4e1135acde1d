import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LanguageProvider } from '../i18n/I18n';
import { MyInvoices } from '../patient/MyInvoices';
import { expectNoAxeViolations } from '../test-support/axe';
import { fakeClient, withClient } from '../test-support/fakeClient';
import { Invoices } from './Invoices';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const anInvoice = (id: string, number: string, payments: { id: string; amount: number; method: string; reference: string | null; at: string }[]) => ({
  id,
  number,
  status: 'PARTIALLY_PAID',
  issuedAt: '2026-11-01T09:00:00Z',
  chargeReason: 'VISIT',
  dueDate: '2026-12-15',
  lineItems: [{ description: 'Consultation', quantity: 1, unitPrice: eur(8000), total: eur(8000) }],
  subtotal: eur(8000),
  tax: eur(0),
  total: eur(8000),
  balanceDue: eur(1000),
  amountPaid: eur(7000),
  patientId: 'patient-1',
  appointmentId: 'a-1',
  payments: payments.map((p) => ({ id: p.id, amount: eur(p.amount), method: p.method, reference: p.reference, receivedAt: p.at })),
});

const invoices = {
  invoices: {
    edges: [
      { node: anInvoice('i-1', 'INV-1', [{ id: 'p-1', amount: 3000, method: 'CARD', reference: null, at: '2026-11-02T10:00:00Z' }]) },
      {
        node: anInvoice('i-2', 'INV-2', [
          { id: 'p-2', amount: 2500, method: 'BANK_TRANSFER', reference: 'SEPA 77', at: '2026-11-20T08:00:00Z' },
          { id: 'p-3', amount: 1500, method: 'CASH', reference: null, at: '2026-11-05T15:30:00Z' },
        ]),
      },
    ],
  },
};

describe('the payment history', () => {
  it("lists a patient's payments across all their invoices, newest first, each with the invoice it paid", async () => {
    const { container } = render(withClient(fakeClient({ MyInvoices: { data: invoices } }), <MyInvoices />));

    const history = await screen.findByRole('table');
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(1).map((cell) => cell.textContent))).toEqual([
      ['INV-2', 'bank transfer', 'SEPA 77', '€25.00'],
      ['INV-2', 'cash', '—', '€15.00'],
      ['INV-1', 'card', '—', '€30.00'],
    ]);
    expect(screen.getByRole('heading', { name: 'Payment history' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('says it in German', async () => {
    render(<LanguageProvider initial="de">{withClient(fakeClient({ MyInvoices: { data: invoices } }), <MyInvoices />)}</LanguageProvider>);

    const history = await screen.findByRole('table');
    expect(screen.getByRole('heading', { name: 'Zahlungsverlauf' })).toBeInTheDocument();
    expect(within(history).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Eingegangen', 'Rechnung', 'Zahlungsart', 'Referenz', 'Betrag']);
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent('Überweisung');
  });

  it("shows billing staff a patient's payments across all invoices, also those the status filter hides", async () => {
    const client = fakeClient({
      PatientInvoices: { data: invoices },
      BillingWorklist: { data: { invoicesDue: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } },
      FindPatients: { data: { patients: { edges: [{ node: { id: 'patient-1', name: { given: 'Ada', family: 'Lovelace' }, dateOfBirth: '1990-05-17' } }] } } },
    });
    render(withClient(client, <Invoices />, 'billing-1', ['BILLING']));

    const search = await screen.findByLabelText('Family name starts with');
    await userEvent.type(search, 'Lov');
    await userEvent.click(await screen.findByRole('button', { name: /Lovelace/ }));

    const history = await screen.findByRole('table');
    expect(within(history).getAllByRole('row')).toHaveLength(4);
  });
});
