/** The zone the portal shows times in: the browser's, named beside every time so nobody guesses. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function formatDateTime(instant: string, zone = viewerZone()): string {
  // Intl refuses timeZoneName beside dateStyle/timeStyle, so the parts are named one by one.
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

export function formatTime(instant: string, zone = viewerZone()): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'short', timeZone: zone }).format(new Date(instant));
}

/** The calendar day of an instant in a zone, as the API's Date (YYYY-MM-DD). */
export function dayIn(instant: Date, zone = viewerZone()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(instant);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
