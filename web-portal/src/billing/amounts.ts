/** An amount typed by a person ("12.50" or "12,50") in the currency's minor units, or undefined when it is not one. */
export function toMinorUnits(typed: string, currency: string): number | undefined {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const match = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(typed);
  if (!match || (match[2] ?? '').length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
}
