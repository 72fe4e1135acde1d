import { describe, expect, it } from 'vitest';
import { bookingsIn, mergeWindows, noShowPercent, type ClinicWindow } from './windows';

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
});
