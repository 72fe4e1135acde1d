import type { AbnormalFlag } from '../gql/graphql';

export interface LabResultValue {
  testName: string;
  value: string;
  numericValue?: number | null;
  unit: string;
  abnormalFlag?: AbnormalFlag | null;
  referenceRange?: { low?: number | null; high?: number | null; text: string } | null;
  observedAt: string;
}

/** Out of range by the lab's own flag, or, when the lab gave none, by the reference range. */
export function isOutOfRange(result: LabResultValue): boolean {
  if (result.abnormalFlag) return result.abnormalFlag !== 'NORMAL';
  const value = result.numericValue;
  const range = result.referenceRange;
  if (value == null || !range) return false;
  return (range.low != null && value < range.low) || (range.high != null && value > range.high);
}

export interface Point {
  observedAt: string;
  value: number;
}

/** One test's numeric values, oldest first, for a chart over time. */
export function seriesOf(results: readonly LabResultValue[], testName: string): Point[] {
  return results
    .filter((result) => result.testName === testName && result.numericValue != null)
    .map((result) => ({ observedAt: result.observedAt, value: result.numericValue as number }))
    .sort((a, b) => a.observedAt.localeCompare(b.observedAt));
}

export function testNames(results: readonly LabResultValue[]): string[] {
  return [...new Set(results.map((result) => result.testName))].sort();
}
