import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient, withClient } from '../test-support/fakeClient';
import { addDays, dayIn } from '../ui/time';
import { SlotPicker } from './SlotPicker';

const at = (day: string, time: string) => new Date(`${day}T${time}`).toISOString();

describe('SlotPicker', () => {
  it('opens on the first day with free times and lets the patient pick one of another day', async () => {
    const today = dayIn(new Date());
    const tomorrow = addDays(today, 1);
    const inThreeDays = addDays(today, 3);
    const onChoose = vi.fn();
    const client = fakeClient({
      FreeSlots: {
        data: {
          availableSlots: [
            { start: at(tomorrow, '09:00'), end: at(tomorrow, '09:20') },
            { start: at(tomorrow, '09:20'), end: at(tomorrow, '09:40') },
            { start: at(inThreeDays, '14:00'), end: at(inThreeDays, '14:20') },
          ],
        },
      },
    });
    render(withClient(client, <SlotPicker practitionerId="prac-1" onChoose={onChoose} />));

    const days = screen.getByRole('group', { name: 'Days' });
    expect(within(days).getByRole('button', { name: `${today.slice(5)} (0)` })).toBeDisabled();
    expect(within(days).getByRole('button', { name: `${tomorrow.slice(5)} (2)` })).toHaveAttribute('aria-current', 'date');
    expect(within(screen.getByRole('group', { name: `Free times on ${tomorrow}` })).getAllByRole('button')).toHaveLength(2);

    await userEvent.click(within(days).getByRole('button', { name: `${inThreeDays.slice(5)} (1)` }));
    await userEvent.click(within(screen.getByRole('group', { name: `Free times on ${inThreeDays}` })).getByRole('button'));

    expect(onChoose).toHaveBeenCalledWith(at(inThreeDays, '14:00'));
  });
});
