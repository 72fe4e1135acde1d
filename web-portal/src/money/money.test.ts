import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

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
