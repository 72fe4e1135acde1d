import { formattingLocale } from '../i18n/language';

/** The demo clinic's zone: the one the portal shows times in until the served /config.json names another. */
export const DEMO_CLINIC_ZONE = 'Europe/Berlin';

let clinic = DEMO_CLINIC_ZONE;

/**
 * The zone the portal shows times in: the clinic's, so a patient travelling or a browser set to
 * another zone sees the hours the clinic keeps. A practitioner's own zone, where one is known, wins.
 */
export function clinicZone(): string {
  return clinic;
}

/** Set once from the runtime configuration, before the screens render (`main.tsx`). */
export function setClinicZone(zone: string) {
  clinic = zone;
}

/** The zone this browser's clock is set to; the portal only tells a person when it is not the clinic's. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The IANA name of a zone Intl knows, spelled as Intl spells it ("europe/berlin" is Europe/Berlin);
 * undefined for anything else. A fixed offset ("+01:00") is no clinic's zone: it never changes its clocks.
 */
export function knownZone(zone: string): string | undefined {
  if (/^[-+\d]/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export function formatDateTime(instant: string, zone = clinicZone()): string {
  // Intl refuses timeZoneName beside dateStyle/timeStyle, so the parts are named one by one.
  return new Intl.DateTimeFormat(formattingLocale(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(instant));
}

export function formatTime(instant: string, zone = clinicZone()): string {
  return new Intl.DateTimeFormat(formattingLocale(), { timeStyle: 'short', timeZone: zone }).format(new Date(instant));
}

/** The calendar day of an instant in a zone, as the API's Date (YYYY-MM-DD). */
export function dayIn(instant: Date, zone = clinicZone()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(instant);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A calendar day (the API's Date, YYYY-MM-DD) in the reader's words; it has no time, so no zone shifts it. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(formattingLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** The instant a calendar day begins in a zone (midnight there), as the API's DateTime. */
export function startOfDayIn(day: string, zone = clinicZone()): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // The zone's offset at about that time; read once more at the found instant, for days a clock change starts.
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(instant);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - instant;
  };
  const first = midnightUtc - offsetAt(midnightUtc);
  return new Date(midnightUtc - offsetAt(first)).toISOString();
}

/** A calendar day as a doctor reads it at the head of their day: "Wednesday, 2 December 2026". */
export function formatLongDay(day: string): string {
  return new Intl.DateTimeFormat(formattingLocale(), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A calendar day with its weekday, short, in the reader's words: "Wed, 2 Dec", "Mi., 2. Dez.". */
export function formatWeekdayDay(day: string): string {
  return new Intl.DateTimeFormat(formattingLocale(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

const DAY_MS = 86_400_000;

/**
 * The day a lab result's observation names when it names no time: a report that states only the
 * collection day is given as that day's 00:00:00 UTC (lab.proto's `observed_at`), which in Berlin
 * would read as a made-up "01:00". Undefined for an observation with a time.
 */
export function dayOnlyObservation(instant: string): string | undefined {
  const at = Date.parse(instant);
  return at % DAY_MS === 0 ? new Date(at).toISOString().slice(0, 10) : undefined;
}

/** When a lab sample was taken: a plain day where the report named only the day, else the time in the zone. */
export function formatObservation(instant: string, zone = clinicZone()): string {
  const day = dayOnlyObservation(instant);
  return day ? formatDay(day) : formatDateTime(instant, zone);
}

/** The calendar day of a lab observation (a chart's axis): its own day if it has no time, else the day in the zone. */
export function observationDay(instant: string, zone = clinicZone()): string {
  return dayOnlyObservation(instant) ?? dayIn(new Date(instant), zone);
}
