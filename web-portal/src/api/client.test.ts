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

/** The BFF's graphql-ws end as far as a subscription needs it: acknowledges, then answers each subscribe once. */
class FakeBffSocket {
  static OPEN = 1;
  static CLOSING = 2;
  static opened: FakeBffSocket[] = [];
  readyState = 0;
  protocol: string;
  received: { type: string; id?: string; payload?: unknown }[] = [];
  onopen?: () => void;
  onmessage?: (event: { data: string }) => void;
  onclose?: (event: unknown) => void;
  onerror?: (event: unknown) => void;

  constructor(
    readonly url: string,
    protocol: string,
  ) {
    this.protocol = protocol;
    FakeBffSocket.opened.push(this);
    setTimeout(() => {
      this.readyState = FakeBffSocket.OPEN;
      this.onopen?.();
    });
  }

  send(data: string) {
    const message = JSON.parse(data);
    this.received.push(message);
    const answer = (reply: object) => setTimeout(() => this.onmessage?.({ data: JSON.stringify(reply) }));
    if (message.type === 'connection_init') answer({ type: 'connection_ack' });
    if (message.type === 'subscribe') answer({ type: 'next', id: message.id, payload: { data: { labReportStatus: { reportId: 'r-1', status: 'PROCESSED' } } } });
  }

  close() {
    this.readyState = 3;
  }
}

const ReportFollowed = gql`
  subscription ReportFollowed($reportId: ID!) {
    labReportStatus(reportId: $reportId) {
      reportId
      status
    }
  }
`;

describe('a subscription', () => {
  it('opens the socket only when the first one starts, with the token in connection_init', async () => {
    FakeBffSocket.opened = [];
    vi.stubGlobal('WebSocket', FakeBffSocket);
    const client = apiClient('http://bff/graphql', session(['live']));
    await new Promise((settled) => setTimeout(settled, 10));
    expect(FakeBffSocket.opened).toEqual([]);

    const first = await new Promise((delivered) => {
      const { unsubscribe } = client.subscription(ReportFollowed, { reportId: 'r-1' }).subscribe((result) => {
        delivered(result.data);
        unsubscribe();
      });
    });

    expect(first).toEqual({ labReportStatus: { reportId: 'r-1', status: 'PROCESSED' } });
    expect(FakeBffSocket.opened.map((socket) => socket.url)).toEqual(['ws://bff/graphql']);
    expect(FakeBffSocket.opened[0].received[0]).toEqual({ type: 'connection_init', payload: { Authorization: 'Bearer live' } });
  });
});
