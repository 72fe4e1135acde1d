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
