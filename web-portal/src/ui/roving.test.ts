import { describe, expect, it } from 'vitest';
import { nextRadio, tabStop } from './roving';

const all = () => true;

describe('a radio group from the keyboard', () => {
  it('moves to the next or previous one round the ends, and to the first or last', () => {
    expect(nextRadio('ArrowRight', 0, 3, all)).toBe(1);
    expect(nextRadio('ArrowDown', 2, 3, all)).toBe(0);
    expect(nextRadio('ArrowLeft', 0, 3, all)).toBe(2);
    expect(nextRadio('ArrowUp', 1, 3, all)).toBe(0);
    expect(nextRadio('Home', 2, 3, all)).toBe(0);
    expect(nextRadio('End', 0, 3, all)).toBe(2);
    expect(nextRadio('Tab', 0, 3, all)).toBeUndefined();
  });

  it('skips the ones that cannot be chosen', () => {
    const usable = (index: number) => index !== 1 && index !== 3;
    expect(nextRadio('ArrowRight', 0, 4, usable)).toBe(2);
    expect(nextRadio('ArrowRight', 2, 4, usable)).toBe(0);
    expect(nextRadio('End', 0, 4, usable)).toBe(2);
    expect(nextRadio('Home', 2, 4, (index) => index > 1)).toBe(2);
    expect(nextRadio('ArrowRight', 0, 2, () => false)).toBeUndefined();
  });

  it('is one Tab stop: the chosen one, else the first that can be chosen', () => {
    expect(tabStop(3, 2, all)).toBe(2);
    expect(tabStop(3, -1, (index) => index > 0)).toBe(1);
    expect(tabStop(3, 0, (index) => index > 0)).toBe(1);
    expect(tabStop(0, -1, all)).toBe(-1);
  });
});
