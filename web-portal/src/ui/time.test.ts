import { describe, expect, it } from 'vitest';
import { addDays, dayIn, formatDateTime } from './time';

describe('times', () => {
  it('names the zone a time is shown in', () => {
    expect(formatDateTime('2026-03-01T08:30:00Z', 'Europe/Berlin')).toMatch(/09:30.*(GMT\+1|CET)/);
  });

  it('finds the calendar day of an instant in a zone', () => {
    expect(dayIn(new Date('2026-03-01T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-02');
    expect(dayIn(new Date('2026-03-01T23:30:00Z'), 'UTC')).toBe('2026-03-01');
  });

  it('counts days across a month end', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
});
