/** An appointment as an iCalendar (RFC 5545) file, so it lands in the patient's own calendar. */
export interface CalendarVisit {
  id: string;
  start: string;
  end: string;
  summary: string;
  description?: string;
}

const stamp = (instant: string | Date) => new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
// Text values escape backslash, semicolon, comma and newline (RFC 5545, 3.3.11).
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

export function calendarFile(visit: CalendarVisit, now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//MediCore//Portal//EN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${visit.id}@medicore`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(visit.start)}`,
    `DTEND:${stamp(visit.end)}`,
    `SUMMARY:${text(visit.summary)}`,
    ...(visit.description ? [`DESCRIPTION:${text(visit.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** A link target that downloads the file without a server round trip. */
export function calendarHref(visit: CalendarVisit): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(calendarFile(visit))}`;
}
