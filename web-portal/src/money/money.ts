import { formattingLocale } from '../i18n/language';

/** Money as the services send it: minor units and an ISO 4217 currency, never a float. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/**
 * The currency's number of decimals. Protobuf sends a zero Money without a currency (an empty
 * string, which Intl refuses): nothing in no currency is treated as a whole number.
 */
function decimalsOf(currency: string): number {
  if (!currency) return 0;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats money for the reader's locale, with the currency's own number of decimals. */
export function formatMoney(money: Money, locale = formattingLocale()): string {
  if (!money.currency) return new Intl.NumberFormat(locale).format(money.amountMinor);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 10 ** decimalsOf(money.currency),
  );
}

/** The amount in whole units of its currency, for charts' axes (never for sums: those stay in minor units). */
export function toMajorUnits(money: Money): number {
  return money.amountMinor / 10 ** decimalsOf(money.currency);
}
