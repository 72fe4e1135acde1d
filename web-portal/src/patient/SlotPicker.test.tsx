import { act, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { formattingLocale, setFormattingLocale } from '../i18n/language';
import { expectNoAxeViolations } from '../test-support/axe';
import { fakeClient, withClient } from '../test-support/fakeClient';
import { addDays, dayIn, formatWeekdayDay } from '../ui/time';
import { SlotPicker } from './SlotPicker';

const CLINIC = 'Europe/Berlin';
// A slot on one of the clinic's days (Berlin is UTC+1 or +2: a morning or afternoon stays on its day).
const at = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`).toISOString();
const today = dayIn(new Date(), CLINIC);
const tomorrow = addDays(today, 1);
const inThreeDays = addDays(today, 3);
const freeSlots = () =>
  fakeClient({
    FreeSlots: {
      data: {
        availableSlots: [
          { start: at(tomorrow, '09:00'), end: at(tomorrow, '09:20') },
          { start: at(tomorrow, '09:20'), end: at(tomorrow, '09:40') },
          { start: at(tomorrow, '09:40'), end: at(tomorrow, '10:00') },
          { start: at(inThreeDays, '14:00'), end: at(inThreeDays, '14:20') },
        ],
      },
    },
  });
const dayButton = (day: string, count: number) => ({ name: `${formatWeekdayDay(day)}: ${count} free` });

describe('SlotPicker', () => {
  it("names each day with its weekday in the reader's words and the clinic's days, and lets the patient pick a time of another day", async () => {
    const onChoose = vi.fn();
    render(withClient(freeSlots(), <SlotPicker practitionerId="prac-1" zone={CLINIC} onChoose={onChoose} />));

    const days = screen.getByRole('radiogroup', { name: 'Days' });
    expect(within(days).getByRole('radio', dayButton(today, 0))).toBeDisabled();
    expect(within(days).getByRole('radio', dayButton(tomorrow, 2 + 1))).toBeChecked();
    expect(within(screen.getByRole('radiogroup', { name: `Free times on ${formatWeekdayDay(tomorrow)}` })).getAllByRole('radio')).toHaveLength(3);

    await userEvent.click(within(days).getByRole('radio', dayButton(inThreeDays, 1)));
    await userEvent.click(within(screen.getByRole('radiogroup', { name: `Free times on ${formatWeekdayDay(inThreeDays)}` })).getByRole('radio'));

    expect(onChoose).toHaveBeenCalledWith(at(inThreeDays, '14:00'));
  });

  it('writes the weekday in German for a German reader', () => {
    const before = formattingLocale();
    try {
      setFormattingLocale('de-DE');
      expect(formatWeekdayDay('2026-12-02')).toBe('Mi., 2. Dez.');
      setFormattingLocale('en-GB');
      expect(formatWeekdayDay('2026-12-02')).toBe('Wed 2 Dec');
    } finally {
      setFormattingLocale(before as string);
    }
  });

  it('is one Tab stop per strip whose arrow keys, Home and End move and choose', async () => {
    const user = userEvent.setup();
    let chosen: string | undefined;
    function Booking() {
      const [start, setStart] = useState<string>();
      chosen = start;
      return <SlotPicker practitionerId="prac-1" zone={CLINIC} chosen={start} onChoose={setStart} />;
    }
    render(withClient(freeSlots(), <Booking />));

    act(() => screen.getByRole('button', { name: 'Later week' }).focus());
    // Tab: the days (their one stop is the day shown), Tab again: the times (the first, none chosen yet).
    await user.tab();
    expect(screen.getByRole('radio', dayButton(tomorrow, 3))).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    // The days without free times are skipped.
    expect(screen.getByRole('radio', dayButton(inThreeDays, 1))).toHaveFocus();
    expect(screen.getByRole('radio', dayButton(inThreeDays, 1))).toBeChecked();
    await user.keyboard('{Home}');
    expect(screen.getByRole('radio', dayButton(tomorrow, 3))).toHaveFocus();
    await user.tab();
    const times = within(screen.getByRole('radiogroup', { name: `Free times on ${formatWeekdayDay(tomorrow)}` })).getAllByRole('radio');
    expect(times[0]).toHaveFocus();
    expect(times.map((time) => time.tabIndex)).toEqual([0, -1, -1]);
    await user.keyboard('{ArrowDown}');
    expect(times[1]).toHaveFocus();
    expect(chosen).toBe(at(tomorrow, '09:20'));
    await user.keyboard('{End}');
    expect(times[2]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(times[0]).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(times[2]).toHaveFocus();
    expect(chosen).toBe(at(tomorrow, '09:40'));
    expect(times.map((time) => time.tabIndex)).toEqual([-1, -1, 0]);
    // Tab leaves the strip at once: it is one stop, not one per time.
    await user.tab();
    expect(document.activeElement?.getAttribute('role')).not.toBe('radio');
  });

  it('passes axe', async () => {
    const { container } = render(withClient(freeSlots(), <SlotPicker practitionerId="prac-1" zone={CLINIC} chosen={at(tomorrow, '09:20')} onChoose={() => {}} />));
    await expectNoAxeViolations(container);
  });
});
