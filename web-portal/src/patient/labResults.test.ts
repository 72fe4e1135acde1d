import { describe, expect, it } from 'vitest';
import { isOutOfRange, seriesOf } from './labResults';

const potassium = (value: number, observedAt: string, flag: 'HIGH' | 'NORMAL' | null = null) => ({
  testName: 'Potassium',
  value: String(value),
  numericValue: value,
  unit: 'mmol/L',
  abnormalFlag: flag,
  referenceRange: { low: 3.5, high: 5.1, text: '3.5-5.1' },
  observedAt,
});

describe('lab results', () => {
  it('takes the lab\'s own flag over the reference range', () => {
    expect(isOutOfRange(potassium(6.9, '2026-03-01T08:00:00Z', 'NORMAL'))).toBe(false);
    expect(isOutOfRange(potassium(4.0, '2026-03-01T08:00:00Z', 'HIGH'))).toBe(true);
  });

  it('reads the reference range when the lab gave no flag', () => {
    expect(isOutOfRange(potassium(6.9, '2026-03-01T08:00:00Z'))).toBe(true);
    expect(isOutOfRange(potassium(3.4, '2026-03-01T08:00:00Z'))).toBe(true);
    expect(isOutOfRange(potassium(4.2, '2026-03-01T08:00:00Z'))).toBe(false);
  });

  it('charts one test oldest first and leaves out values that are not numbers', () => {
    const results = [
      potassium(5.0, '2026-03-02T08:00:00Z'),
      { ...potassium(0, '2026-03-03T08:00:00Z'), numericValue: null, value: 'haemolysed' },
      potassium(4.1, '2026-03-01T08:00:00Z'),
      { ...potassium(98, '2026-03-01T08:00:00Z'), testName: 'Glucose' },
    ];

    expect(seriesOf(results, 'Potassium')).toEqual([
      { observedAt: '2026-03-01T08:00:00Z', value: 4.1 },
      { observedAt: '2026-03-02T08:00:00Z', value: 5.0 },
    ]);
  });
});
