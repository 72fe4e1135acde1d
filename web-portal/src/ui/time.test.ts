import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setFormattingLocale } from '../i18n/language';
import { auditWindow } from '../admin/AuditTrail';
import {
  addDays,
  browserZone,
  clinicZone,
  dayIn,
  DEMO_CLINIC_ZONE,
  formatDateTime,
  formatDay,
  formatLongDay,
  formatObservation,
  formatTime,
  formatWeekdayDay,
  knownZone,
  observationDay,
  startOfDayIn,
} from './time';

// The device's clock set far from the clinic's (Berlin): Node reads TZ again whenever it is set.
function onADeviceIn(zone: string) {
  let before: string | undefined;
  beforeEach(() => {
    before = process.env.TZ;
    process.env.TZ = zone;
  });
  afterEach(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
    setFormattingLocale('en-GB');
  });
}

describe('times', () => {
  it('names the zone a time is shown in', () => {
    expect(formatDateTime('2026-03-01T08:30:00Z', 'Europe/Berlin')).toMatch(/09:30.*(GMT\+1|CET)/);
  });

  it('finds the calendar day of an instant in a zone', () => {
    expect(dayIn(new Date('2026-03-01T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-02');
    expect(dayIn(new Date('2026-03-01T23:30:00Z'), 'UTC')).toBe('2026-03-01');
  });

  it('counts days across a month end, a leap day and a year end', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
  });
});

describe("the clinic's time on a device set to another zone", () => {
  onADeviceIn('America/Los_Angeles');

  it('shows the clinic its own hours, not the device’s', () => {
    expect(browserZone()).toBe('America/Los_Angeles');
    expect(clinicZone()).toBe(DEMO_CLINIC_ZONE);
    setFormattingLocale('en-GB');
    expect(formatDateTime('2026-03-02T08:30:00Z')).toBe('2 Mar 2026, 09:30 CET');
    expect(formatTime('2026-03-02T08:30:00Z')).toBe('09:30');
    setFormattingLocale('de-DE');
    expect(formatDateTime('2026-03-02T08:30:00Z')).toBe('2. März 2026, 09:30 MEZ');
  });

  it("takes today as the clinic's day: late evening in California is already tomorrow in Berlin", () => {
    const lateInCalifornia = new Date('2026-06-01T23:30:00-07:00');
    expect(dayIn(lateInCalifornia)).toBe('2026-06-02');
  });

  it("filters the audit trail by the clinic's whole days", () => {
    expect(auditWindow('2026-12-01', '2026-12-01')).toEqual({ from: '2026-11-30T23:00:00.000Z', to: '2026-12-01T23:00:00.000Z' });
  });
});

describe('when the clocks change in Berlin', () => {
  onADeviceIn('Asia/Tokyo');

  it('jumps from 01:59 CET to 03:00 CEST on the last Sunday of March', () => {
    setFormattingLocale('en-GB');
    expect(formatDateTime('2026-03-29T00:59:00Z')).toBe('29 Mar 2026, 01:59 CET');
    expect(formatDateTime('2026-03-29T01:00:00Z')).toBe('29 Mar 2026, 03:00 CEST');
    setFormattingLocale('de-DE');
    expect(formatDateTime('2026-03-29T01:00:00Z')).toBe('29. März 2026, 03:00 MESZ');
  });

  it('names the zone of the hour that comes twice on the last Sunday of October', () => {
    setFormattingLocale('en-GB');
    expect(formatDateTime('2026-10-25T00:30:00Z')).toBe('25 Oct 2026, 02:30 CEST');
    expect(formatDateTime('2026-10-25T01:30:00Z')).toBe('25 Oct 2026, 02:30 CET');
    setFormattingLocale('de-DE');
    expect(formatDateTime('2026-10-25T00:30:00Z')).toBe('25. Okt. 2026, 02:30 MESZ');
    expect(formatDateTime('2026-10-25T01:30:00Z')).toBe('25. Okt. 2026, 02:30 MEZ');
  });

  it('starts each day at midnight in Berlin, whatever length the day has', () => {
    expect(startOfDayIn('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayIn('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayIn('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayIn('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
  });

  it('keeps the day of an instant just before and after midnight', () => {
    expect(dayIn(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(dayIn(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(dayIn(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(dayIn(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
});

describe('a calendar day (date of birth, due date, a day to book) on devices around the world', () => {
  for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'UTC']) {
    describe(`set to ${zone}`, () => {
      onADeviceIn(zone);

      it('shows the very day it is, in English and German', () => {
        setFormattingLocale('en-GB');
        expect(formatDay('1990-05-17')).toBe('17 May 1990');
        expect(formatDay('2026-03-29')).toBe('29 Mar 2026');
        expect(formatWeekdayDay('2026-10-25')).toBe('Sun 25 Oct');
        setFormattingLocale('de-DE');
        expect(formatDay('2026-01-01')).toBe('01.01.2026');
        expect(formatWeekdayDay('2026-03-29')).toBe('So., 29. März');
        expect(formatLongDay('2026-10-25')).toBe('Sonntag, 25. Oktober 2026');
        setFormattingLocale('en-GB');
        expect(formatLongDay('2026-03-29')).toBe('Sunday, 29 March 2026');
      });

      it('shows the extreme days a record may hold', () => {
        setFormattingLocale('en-GB');
        expect(formatDay('1900-01-01')).toBe('1 Jan 1900');
        expect(formatDay('9999-12-31')).toBe('31 Dec 9999');
        expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
      });
    });
  }

  it('starts an old day at Berlin midnight too, before the zone kept whole hours', () => {
    // Berlin's clocks ran on local mean time (+00:53:28) until 1893.
    expect(startOfDayIn('1890-01-01')).toBe('1889-12-31T23:06:32.000Z');
    expect(startOfDayIn('1900-01-01')).toBe('1899-12-31T23:00:00.000Z');
  });
});

describe('a zone the configuration may name', () => {
  it('is an IANA zone, spelled as Intl spells it', () => {
    expect(knownZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(knownZone('europe/berlin')).toBe('Europe/Berlin');
    expect(knownZone('UTC')).toBe('UTC');
  });

  it('is nothing else: no typo, no fixed offset, nothing empty', () => {
    for (const zone of ['Europe/Berln', '+01:00', '-0500', '', 'Berlin']) expect(knownZone(zone)).toBeUndefined();
  });
});

describe("a lab sample's collection time", () => {
  onADeviceIn('Pacific/Kiritimati');

  it('is a plain day when the report named only the day (00:00 UTC of it), never "01:00 CET"', () => {
    setFormattingLocale('en-GB');
    expect(formatObservation('2026-12-02T00:00:00Z', 'Europe/Berlin')).toBe('2 Dec 2026');
    expect(formatObservation('2026-12-02T00:00:00.000Z', 'America/Los_Angeles')).toBe('2 Dec 2026');
    expect(observationDay('2026-12-02T00:00:00Z', 'America/Los_Angeles')).toBe('2026-12-02');
    setFormattingLocale('de-DE');
    expect(formatObservation('1990-05-17T00:00:00Z', 'Europe/Berlin')).toBe('17.05.1990');
  });

  it('is a time in the zone when the report named one, and its day is the day there', () => {
    setFormattingLocale('en-GB');
    expect(formatObservation('2026-12-02T07:15:00Z', 'Europe/Berlin')).toMatch(/^2 Dec 2026, 08:15 (CET|GMT\+1)$/);
    expect(formatObservation('2026-12-02T00:00:01Z', 'Europe/Berlin')).toMatch(/01:00/);
    expect(observationDay('2026-12-02T23:30:00Z', 'Europe/Berlin')).toBe('2026-12-03');
  });
});
