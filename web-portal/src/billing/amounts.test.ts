import { describe, expect, it } from 'vitest';
import { toMinorUnits } from './amounts';

describe('toMinorUnits', () => {
  it('reads an amount as staff type it, with a point or a comma', () => {
    expect(toMinorUnits('12.5', 'EUR')).toBe(1250);
    expect(toMinorUnits('12,05', 'EUR')).toBe(1205);
    expect(toMinorUnits(' 80 ', 'EUR')).toBe(8000);
  });

  it('follows the currency\'s own number of decimals', () => {
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('1500.5', 'JPY')).toBeUndefined();
  });

  it('refuses what is not an amount', () => {
    expect(toMinorUnits('', 'EUR')).toBeUndefined();
    expect(toMinorUnits('12.345', 'EUR')).toBeUndefined();
    expect(toMinorUnits('-3', 'EUR')).toBeUndefined();
  });
});
