import { describe, expect, it } from 'vitest';
import { readableToken, realmRoles } from './roles';

const token = (claims: object) => `header.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.signature`;

describe('realm roles read from the stored access token', () => {
  it('reads the roles of a token and none of anything that is no token', () => {
    expect(realmRoles(token({ realm_access: { roles: ['DOCTOR'] } }))).toEqual(['DOCTOR']);
    expect(realmRoles('expired')).toEqual([]);
    expect(realmRoles(undefined)).toEqual([]);
  });

  it('tells a token from what only looks like one, so such a session is renewed or ended, not shown as role-less', () => {
    expect(readableToken(token({ sub: 'someone' }))).toBe(true);
    expect(readableToken('expired')).toBe(false);
    expect(readableToken('a.bm90IGpzb24.c')).toBe(false);
    expect(readableToken(`a.${btoa('42')}.c`)).toBe(false);
    expect(readableToken(undefined)).toBe(false);
  });
});
