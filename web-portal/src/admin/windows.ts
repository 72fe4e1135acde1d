export interface ClinicWindow {
  windowKey: string;
  windowStart: string;
  dimension: string;
  bookings: number;
  noShows: number;
  completions: number;
  revenueInvoiced: { amountMinor: number; currency: string };
  revenueCollected: { amountMinor: number; currency: string };
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * The clinic's one-minute windows of the last hour: the dashboard's, with each window the
 * subscription sends replacing its earlier version (a window is re-sent until it is final).
 */
export function mergeWindows(windows: readonly ClinicWindow[], update: ClinicWindow | undefined, now: Date): ClinicWindow[] {
  const byKey = new Map(windows.filter((w) => w.dimension === 'CLINIC').map((w) => [w.windowKey, w]));
  if (update?.dimension === 'CLINIC') byKey.set(update.windowKey, update);
  return [...byKey.values()]
    .filter((w) => now.getTime() - new Date(w.windowStart).getTime() <= HOUR_MS)
    .sort((a, b) => a.windowStart.localeCompare(b.windowStart));
}

export function bookingsIn(windows: readonly ClinicWindow[]): number {
  return windows.reduce((sum, w) => sum + w.bookings, 0);
}

/** No-shows per finished appointment, in percent, or undefined before any appointment ended. */
export function noShowPercent(windows: readonly ClinicWindow[]): number | undefined {
  const noShows = windows.reduce((sum, w) => sum + w.noShows, 0);
  const ended = noShows + windows.reduce((sum, w) => sum + w.completions, 0);
  return ended === 0 ? undefined : (100 * noShows) / ended;
}

const MINUTE_MS = 60 * 1000;
const MINUTES_SHOWN = 60;

const noMoney = { amountMinor: 0, currency: '' };

/**
 * The last hour minute by minute, ending with the current minute (or a later window's): a minute
 * without a window had nothing happen, so it is there with zeros instead of missing from the chart.
 */
export function minuteByMinute(windows: readonly ClinicWindow[], now: Date): ClinicWindow[] {
  const minuteOf = (instant: number) => Math.floor(instant / MINUTE_MS) * MINUTE_MS;
  const byMinute = new Map(windows.map((w) => [minuteOf(Date.parse(w.windowStart)), w]));
  const last = Math.max(minuteOf(now.getTime()), ...byMinute.keys());
  return Array.from({ length: MINUTES_SHOWN }, (_, i) => {
    const minute = last - (MINUTES_SHOWN - 1 - i) * MINUTE_MS;
    const windowStart = new Date(minute).toISOString();
    return (
      byMinute.get(minute) ?? {
        windowKey: `quiet@${windowStart}`,
        windowStart,
        dimension: 'CLINIC',
        bookings: 0,
        noShows: 0,
        completions: 0,
        revenueInvoiced: noMoney,
        revenueCollected: noMoney,
      }
    );
  });
}
