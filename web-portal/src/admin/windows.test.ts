import { describe, expect, it } from 'vitest';
import { bookingsIn, mergeWindows, minuteByMinute, noShowPercent, type ClinicWindow } from './windows';

const euros = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const window = (minute: string, bookings: number, dimension = 'CLINIC'): ClinicWindow => ({
  windowKey: `main@${minute}`,
  windowStart: `2026-03-01T10:${minute}:00Z`,
  dimension,
  bookings,
  noShows: 0,
  completions: 0,
  revenueInvoiced: euros(0),
  revenueCollected: euros(0),
});
const now = new Date('2026-03-01T10:30:00Z');

describe('dashboard windows', () => {
  it('lets a re-sent window replace its earlier version', () => {
    const merged = mergeWindows([window('10', 2), window('11', 1)], window('11', 3), now);

    expect(merged.map((w) => w.bookings)).toEqual([2, 3]);
    expect(bookingsIn(merged)).toBe(5);
  });

  it('keeps only the clinic\'s windows of the last hour, oldest first', () => {
    const old = { ...window('00', 7), windowStart: '2026-03-01T09:20:00Z', windowKey: 'main@old' };
    const merged = mergeWindows([window('12', 1), old, window('05', 1, 'DEPARTMENT')], window('03', 4), now);

    expect(merged.map((w) => w.windowKey)).toEqual(['main@03', 'main@12']);
  });

  it('tells no no-show rate before any appointment ended', () => {
    expect(noShowPercent([window('10', 2)])).toBeUndefined();
    expect(noShowPercent([{ ...window('10', 2), noShows: 1, completions: 3 }])).toBe(25);
  });

  it('shows the last hour minute by minute, a minute without a window as zero', () => {
    const series = minuteByMinute([window('10', 2), window('13', 1)], new Date('2026-03-01T10:15:30Z'));

    expect(series).toHaveLength(60);
    expect(series[0].windowStart).toBe('2026-03-01T09:16:00.000Z');
    expect(series.at(-1)!.windowStart).toBe('2026-03-01T10:15:00.000Z');
    expect(series.slice(-6).map((w) => w.bookings)).toEqual([2, 0, 0, 1, 0, 0]);
    expect(bookingsIn(series)).toBe(3);
  });

  it('ends the series with a window later than the clock, and shows a quiet hour as zeros', () => {
    expect(minuteByMinute([window('20', 4)], new Date('2026-03-01T10:19:59Z')).at(-1)!.bookings).toBe(4);
    expect(minuteByMinute([], now).every((w) => w.bookings === 0 && w.revenueInvoiced.amountMinor === 0)).toBe(true);
  });
});
