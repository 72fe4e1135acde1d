import { afterEach, describe, expect, it, vi } from 'vitest';
import { gql } from 'urql';
import { apiClient } from './client';

const Me = gql`
  query Me {
    me {
      subject
    }
  }
`;

const refused = () => new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
const answered = () => new Response(JSON.stringify({ data: { me: { subject: 'p-1' } } }), { status: 200, headers: { 'Content-Type': 'application/json' } });

function session(tokens: string[]) {
  let current = tokens.shift();
  return {
    token: () => current,
    renew: vi.fn(async () => {
      current = tokens.shift();
      if (!current) throw new Error('no refresh token');
    }),
    ended: vi.fn(),
  };
}

const bearerOf = (call: unknown[]) => new Headers((call[1] as RequestInit).headers).get('Authorization');

afterEach(() => vi.unstubAllGlobals());

describe('a refused token', () => {
  it('is renewed once in silence and the request sent again', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(refused()).mockResolvedValueOnce(answered());
    vi.stubGlobal('fetch', fetch);
    const keeper = session(['old', 'new']);

    const result = await apiClient('http://bff/graphql', keeper).query(Me, {}).toPromise();

    expect(result.data).toEqual({ me: { subject: 'p-1' } });
    expect(keeper.renew).toHaveBeenCalledOnce();
    expect(fetch.mock.calls.map(bearerOf)).toEqual(['Bearer old', 'Bearer new']);
    expect(keeper.ended).not.toHaveBeenCalled();
  });

  it('ends the session when the renewed token is refused too', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => refused()));
    const keeper = session(['old', 'new']);

    await apiClient('http://bff/graphql', keeper).query(Me, {}).toPromise();

    expect(keeper.renew).toHaveBeenCalledOnce();
    expect(keeper.ended).toHaveBeenCalledOnce();
  });

  it('ends the session when it cannot be renewed', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => refused()));
    const keeper = session(['old']);

    await apiClient('http://bff/graphql', keeper).query(Me, {}).toPromise();

    expect(keeper.ended).toHaveBeenCalledOnce();
  });
});
