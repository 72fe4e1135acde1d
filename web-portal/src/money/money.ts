/** Money as the services send it: minor units and an ISO 4217 currency, never a float. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** Formats money for the reader's locale, with the currency's own number of decimals. */
export function formatMoney(money: Money, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amountMinor / 10 ** digits);
}

/** The amount in whole units of its currency, for charts' axes (never for sums: those stay in minor units). */
export function toMajorUnits(money: Money): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return money.amountMinor / 10 ** digits;
}
