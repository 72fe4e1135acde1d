import { describe, expect, it } from 'vitest';
import { formatMoney, toMajorUnits } from './money';

describe('formatMoney', () => {
  it('shows cents as a decimal amount in the currency', () => {
    expect(formatMoney({ amountMinor: 12345, currency: 'EUR' }, 'en-IE')).toBe('€123.45');
  });

  it('respects currencies without minor units', () => {
    expect(formatMoney({ amountMinor: 5000, currency: 'JPY' }, 'en-US')).toBe('¥5,000');
  });

  it('shows a negative balance with its sign', () => {
    expect(formatMoney({ amountMinor: -250, currency: 'USD' }, 'en-US')).toBe('-$2.50');
  });
});

describe('money without a currency', () => {
  it('is the zero protobuf sends for "nothing yet", shown as a plain number', () => {
    expect(formatMoney({ amountMinor: 0, currency: '' }, 'en-US')).toBe('0');
    expect(toMajorUnits({ amountMinor: 0, currency: '' })).toBe(0);
    expect(toMajorUnits({ amountMinor: 1250, currency: 'EUR' })).toBe(12.5);
  });
});
