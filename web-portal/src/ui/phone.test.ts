import { describe, expect, it } from 'vitest';
import { toE164 } from './phone';

describe('phone numbers as people write them', () => {
  it.each([
    ['+49 30 1234567', '+49301234567'],
    ['+49 (0)30 123-45-67', '+49301234567'],
    ['0049 30 1234567', '+49301234567'],
    ['030 / 1234567', '+49301234567'],
    ['+4930123456', '+4930123456'],
    ['+1 (415) 555-0100', '+14155550100'],
  ])('reads %s as %s', (typed, e164) => {
    expect(toE164(typed)).toBe(e164);
  });

  it('keeps an empty number empty', () => {
    expect(toE164('  ')).toBe('');
  });

  it.each(['abc', '1234567', '+49 30', '+0 30 1234567', '+49 30 1234567 ext. 5'])('refuses %s', (typed) => {
    expect(toE164(typed)).toBeUndefined();
  });
});
