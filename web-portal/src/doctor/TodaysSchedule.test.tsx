import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { addDays, dayIn } from '../ui/time';
import { TodaysSchedule } from './TodaysSchedule';
import { expectNoAxeViolations } from '../test-support/axe';

const answers = {
  MyPractitioner: {
    data: { practitioners: { edges: [{ node: { id: 'd-1', keycloakSubject: 'doctor-1', timeZone: 'Europe/Berlin', name: { family: 'Doctor' } } }] } },
  },
  TodaysSchedule: {
    data: {
      schedule: [
        {
          id: 'a-1',
          start: '2026-12-02T09:00:00Z',
          end: '2026-12-02T09:20:00Z',
          status: 'BOOKED',
          version: 1,
          appointmentType: 'FOLLOW_UP',
          reason: 'blood pressure check',
          outsideWorkingHoursSince: null as string | null,
          patientId: 'p-1',
          patient: { name: { given: 'Erika', family: 'Mustermann' } },
        },
      ],
    },
  },
};

describe("the doctor's day", () => {
  it('shows each visit with its type and reason, and moves to the next day', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient(answers, sent), <TodaysSchedule />, 'doctor-1', ['DOCTOR']));

    expect(await screen.findByText('Reason: blood pressure check')).toBeInTheDocument();
    expect(screen.getByText(/follow up, booked/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next day' }));

    const today = dayIn(new Date(), 'Europe/Berlin');
    const days = sent.filter((operation) => operation.name === 'TodaysSchedule').map((operation) => (operation.variables as { date: string }).date);
    expect(days).toContain(today);
    expect(days).toContain(addDays(today, 1));
  });

  it('passes axe', async () => {
    const { container } = render(withClient(fakeClient(answers), <TodaysSchedule />, 'doctor-1', ['DOCTOR']));
    await screen.findAllByRole('listitem');
    await expectNoAxeViolations(container);
  });

  it('warns the doctor in words of a visit their new working hours left outside them', async () => {
    const [visit] = answers.TodaysSchedule.data.schedule;
    const outside = { ...answers, TodaysSchedule: { data: { schedule: [{ ...visit, outsideWorkingHoursSince: '2026-12-01T08:00:00Z' }] } } };
    render(withClient(fakeClient(outside), <TodaysSchedule />, 'doctor-1', ['DOCTOR']));

    expect(await screen.findByTestId('outside-hours')).toHaveTextContent(
      /^Warning: Outside your working hours since .*2026.*09:00.*: move or cancel this appointment\.$/,
    );
    await expectNoAxeViolations();
  });
});
