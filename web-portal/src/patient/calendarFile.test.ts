import { describe, expect, it } from 'vitest';
import { calendarFile } from './calendarFile';

describe('the calendar file of a booking', () => {
  it('holds one event at the booked time in UTC, its text escaped', () => {
    const ics = calendarFile(
      { id: 'a-1', start: '2026-12-03T09:00:00Z', end: '2026-12-03T09:20:00Z', summary: 'Consultation with Anna Schmidt, General medicine' },
      new Date('2026-12-01T12:00:00Z'),
    );

    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//MediCore//Portal//EN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:a-1@medicore',
      'DTSTAMP:20261201T120000Z',
      'DTSTART:20261203T090000Z',
      'DTEND:20261203T092000Z',
      'SUMMARY:Consultation with Anna Schmidt\\, General medicine',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });
});
