import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { conflict, fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { addDays, dayIn } from '../ui/time';
import { BookAppointment } from './BookAppointment';

const tomorrow = addDays(dayIn(new Date(), 'Europe/Berlin'), 1);
const at = (time: string) => new Date(`${tomorrow}T${time}:00+01:00`).toISOString();

describe('booking a time taken meanwhile', () => {
  it('says so on the time and reads the free times again', async () => {
    const sent: Sent = [];
    const client = fakeClient(
      {
        Practitioners: {
          data: {
            practitioners: {
              edges: [{ node: { id: 'prac-1', name: { given: 'Gregory', family: 'Doctor' }, specialty: 'General practice', department: 'General medicine', timeZone: 'Europe/Berlin' } }],
            },
          },
        },
        FreeSlots: { data: { availableSlots: [{ start: at('09:00'), end: at('09:20') }, { start: at('09:20'), end: at('09:40') }] } },
        Book: { error: conflict(['SLOT_TAKEN'], 'the slot is taken') },
      },
      sent,
    );
    render(withClient(client, <BookAppointment />));

    await userEvent.selectOptions(await screen.findByLabelText('Practitioner'), 'prac-1');
    await userEvent.click((await screen.findAllByRole('radio', { name: /9:00/ }))[0]);
    const readsBefore = sent.filter((request) => request.name === 'FreeSlots').length;
    await userEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));

    expect(await screen.findByText('That time has just been taken. Choose another.')).toBeInTheDocument();
    expect(sent.filter((request) => request.name === 'FreeSlots').length).toBeGreaterThan(readsBefore);
  });
});
