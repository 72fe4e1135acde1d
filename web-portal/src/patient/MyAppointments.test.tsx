import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { MyAppointments } from './MyAppointments';
import { expectNoAxeViolations } from '../test-support/axe';

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function answers(startsInHours: number, outsideWorkingHoursSince: string | null = null) {
  const start = hoursFromNow(startsInHours);
  return {
    MyAppointments: {
      data: {
        appointments: {
          edges: [
            {
              node: {
                id: 'a-1',
                start,
                end: hoursFromNow(startsInHours + 0.25),
                status: 'BOOKED',
                version: 1,
                appointmentType: 'CONSULTATION',
                reason: null,
                lateCancellationFrom: hoursFromNow(startsInHours - 24),
                outsideWorkingHoursSince,
                practitionerId: 'd-1',
                practitioner: { name: { given: 'Anna', family: 'Schmidt' }, timeZone: 'Europe/Berlin' },
              },
            },
          ],
        },
        feeSchedule: {
          taxRateBasisPoints: 0,
          fees: [{ appointmentType: 'CONSULTATION', lateCancellationFee: { amountMinor: 2500, currency: 'EUR' } }],
        },
      },
    },
    CancelAppointment: { data: { cancelAppointment: { id: 'a-1', status: 'CANCELLED', version: 2 } } },
  };
}

describe("an appointment's time", () => {
  it("is its practitioner's hour, named, also on a device set to another zone", async () => {
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const inBerlin = answers(48);
      inBerlin.MyAppointments.data.appointments.edges[0].node.start = '2026-12-02T08:30:00Z';
      const { unmount } = render(withClient(fakeClient(inBerlin), <MyAppointments />));
      expect(await screen.findByText(/Anna Schmidt/)).toHaveTextContent(/09:30.*(CET|GMT\+1)/);
      unmount();

      const inNewYork = answers(48);
      inNewYork.MyAppointments.data.appointments.edges[0].node.start = '2026-12-02T08:30:00Z';
      inNewYork.MyAppointments.data.appointments.edges[0].node.practitioner.timeZone = 'America/New_York';
      render(withClient(fakeClient(inNewYork), <MyAppointments />));
      expect(await screen.findByText(/Anna Schmidt/)).toHaveTextContent(/03:30.*(EST|GMT-5)/);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('cancelling an appointment', () => {
  it('names the late cancellation fee before the patient decides, and confirms after', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient(answers(3), sent), <MyAppointments />));

    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('cancellation-fee')).toHaveTextContent('Cancelling now costs a late cancellation fee of €25.00');

    await userEvent.click(screen.getByRole('button', { name: 'Cancel and pay €25.00' }));
    expect(screen.getByLabelText('Why do you cancel?')).toHaveAccessibleDescription('Say in a few words why you cancel: the practice reads it.');
    expect(sent.some((operation) => operation.name === 'CancelAppointment')).toBe(false);

    await userEvent.type(screen.getByLabelText('Why do you cancel?'), 'ill');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel and pay €25.00' }));

    expect(within(screen.getAllByRole('status')[0]).getByText(/is cancelled\. A late cancellation fee of €25\.00 will be invoiced\./)).toBeInTheDocument();
  });

  it('says until when cancelling is free', async () => {
    render(withClient(fakeClient(answers(72)), <MyAppointments />));

    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));

    expect(screen.getByTestId('cancellation-fee')).toHaveTextContent(/^Cancelling is free until .*; after that it costs €25\.00\.$/);
  });
});

describe('an appointment new working hours left outside them', () => {
  it('warns the patient in words, with since when, and says what happens next', async () => {
    render(withClient(fakeClient(answers(72, '2026-12-01T08:00:00Z')), <MyAppointments />));

    const warning = await screen.findByTestId('outside-hours');
    expect(warning).toHaveTextContent(/^Warning: Your practitioner's working hours changed on .*2026.* and this appointment now lies outside them\. The practice will move or cancel it; you can also move it yourself\.$/);
    await expectNoAxeViolations();
  });

  it('says nothing of working hours while the appointment lies within them', async () => {
    render(withClient(fakeClient(answers(72)), <MyAppointments />));

    await screen.findByRole('button', { name: 'Cancel' });
    expect(screen.queryByTestId('outside-hours')).toBeNull();
  });
});

describe('past visits', () => {
  const visit = (id: string, status: string, invoice: unknown = null) => ({
    node: {
      id,
      start: '2026-11-02T09:00:00Z',
      status,
      appointmentType: 'CONSULTATION',
      reason: 'cough',
      practitioner: { name: { given: 'Anna', family: 'Schmidt' } },
      invoice,
    },
  });

  it('lists completed and cancelled visits beside the upcoming ones, with their invoice, ten more at a time', async () => {
    const sent: Sent = [];
    const fake = {
      ...answers(72),
      PastVisits: {
        data: {
          appointments: {
            edges: [
              visit('p-1', 'COMPLETED', { id: 'i-1', number: 'INV-7', status: 'PAID', total: { amountMinor: 4500, currency: 'EUR' } }),
              visit('p-2', 'CANCELLED'),
            ],
            pageInfo: { hasNextPage: true, endCursor: 'c-2' },
          },
        },
      },
    };
    render(withClient(fakeClient(fake, sent), <MyAppointments />));

    const past = screen.getByRole('region', { name: 'Past visits' });
    expect(within(past).getAllByRole('listitem')[0]).toHaveTextContent('consultation, completed: cough');
    expect(within(past).getAllByRole('listitem')[0]).toHaveTextContent('Invoice INV-7: €45.00, paid');
    expect(within(past).getAllByRole('listitem')[1]).toHaveTextContent('consultation, cancelled');

    await userEvent.click(within(past).getByRole('button', { name: 'Show earlier visits' }));

    expect(sent.filter((s) => s.name === 'PastVisits').map((s) => (s.variables as { after: string | null }).after)).toEqual([null, 'c-2']);
  });

  it('passes axe with the cancel form open', async () => {
    const { container } = render(withClient(fakeClient(answers(72)), <MyAppointments />));
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await expectNoAxeViolations(container);
  });
});
