import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LanguageProvider } from '../i18n/I18n';
import { expectNoAxeViolations } from '../test-support/axe';
import { fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { ChartMessages, MyMessages } from './Messages';

const message = (id: string, fields: Record<string, unknown>) => ({
  id,
  kind: 'BOOKING_CONFIRMED',
  channel: 'EMAIL',
  recipient: 'e***@example.org',
  status: 'SENT',
  createdAt: '2026-12-01T08:00:00Z',
  dueAt: '2026-12-01T08:00:00Z',
  sentAt: '2026-12-01T08:00:05Z',
  invoiceNumber: null,
  ...fields,
});

const page = (nodes: unknown[], hasNextPage = false) => ({
  notifications: { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c-20' : null } },
});

const messages = page([
  message('n-1', {}),
  message('n-2', { kind: 'REMINDER', channel: 'SMS', recipient: '+49******56', status: 'PENDING', sentAt: null, dueAt: '2026-12-03T08:30:00Z' }),
  message('n-3', { kind: 'INVOICE_ISSUED', status: 'FAILED', sentAt: null, invoiceNumber: 'INV-7' }),
  message('n-4', { kind: 'REMINDER', channel: 'EMAIL', recipient: null, status: 'WITHDRAWN', sentAt: null }),
]);

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

describe('the messages the clinic sent', () => {
  it("lists the patient's own: what about, channel, masked recipient, what became of it and when", async () => {
    const sent: Sent = [];
    const preferences = {
      messagePreferences: {
        patientId: 'patient-1',
        channels: ['EMAIL'],
        consents: [{ channel: 'EMAIL', state: 'GIVEN' }],
        quietHours: { start: '21:00', end: '08:00' },
        timeZone: 'Europe/Berlin',
      },
    };
    const { container } = render(
      withClient(fakeClient({ Notifications: { data: messages }, MessagePreferences: { data: preferences } }, sent), <MyMessages />, 'patient-1'),
    );

    const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([
      ['booking confirmed', 'e-mail', 'e***@example.org', 'sent', expect.stringMatching(/Dec 1, 2026, 09:00 AM (CET|GMT\+1)/)],
      ['appointment reminder', 'text message', '+49******56', 'waiting to be sent', expect.stringMatching(/Dec 3, 2026, 09:30 AM/)],
      ['invoice INV-7', 'e-mail', 'e***@example.org', 'could not be sent', expect.stringMatching(/Dec 1, 2026, 09:00 AM/)],
      ['appointment reminder', 'e-mail', '—', 'withdrawn: no longer needed', expect.stringMatching(/Dec 1, 2026/)],
    ]);
    expect(sent.find((s) => s.name === 'Notifications')).toEqual({ name: 'Notifications', variables: { patientId: 'patient-1', after: null } });
    // The patient's choices stand above the list, on the same screen.
    expect(screen.getByRole('checkbox', { name: 'By e-mail' })).toBeChecked();
    expect(screen.getByRole('heading', { name: 'Messages' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('says so when there are none, and in German', async () => {
    render(<LanguageProvider initial="de">{withClient(fakeClient({ Notifications: { data: page([]) } }), <MyMessages />)}</LanguageProvider>);

    expect(await screen.findByText('Die Praxis hat Ihnen noch keine Nachricht geschickt.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Nachrichten' })).toBeInTheDocument();
  });

  it("shows a patient's messages in the chart, a page at a time", async () => {
    const sent: Sent = [];
    const client = fakeClient({ Notifications: { data: page([message('n-1', {})], true) } }, sent);
    render(withClient(client, <ChartMessages patientId="patient-9" />, 'doctor-1', ['DOCTOR']));

    const section = await screen.findByRole('region', { name: 'Messages' });
    await within(section).findByRole('table');
    await userEvent.click(within(section).getByRole('button', { name: 'Next page' }));

    expect(sent.map((s) => s.variables)).toEqual([
      { patientId: 'patient-9', after: null },
      { patientId: 'patient-9', after: 'c-20' },
    ]);
  });
});
