import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { authExchange } from '@urql/exchange-auth';
import type { Client as Socket } from 'graphql-ws';
import { sessionRefused } from './errors';

/** What the client needs of the signed-in session. */
export interface SessionKeeper {
  /** The newest access token, read for every request. */
  token(): string | undefined;
  /** Renews the tokens without a page change (refresh token); rejects when the session cannot go on. */
  renew(): Promise<void>;
  /** The BFF still refuses after a renewal: the person has to sign in again. */
  ended(): void;
}

/**
 * One urql client per portal: queries and mutations over HTTP with the bearer token,
 * subscriptions over graphql-ws with the token in connection_init, as the BFF expects. A request
 * the BFF refuses for its token (401) is retried once after a silent renewal; refused again, the
 * session has ended.
 */
export function apiClient(graphqlUrl: string, session: SessionKeeper): Client {
  // graphql-ws is fetched with the first subscription (the schedule, the dashboard, an upload's
  // status), not with the sign-in screen.
  let socket: Promise<Socket> | undefined;
  const openSocket = () =>
    (socket ??= import('graphql-ws').then(({ createClient }) =>
      createClient({
        url: graphqlUrl.replace(/^http/, 'ws'),
        lazy: true,
        connectionParams: () => {
          const bearer = session.token();
          return bearer ? { Authorization: `Bearer ${bearer}` } : {};
        },
      }),
    ));
  return new Client({
    url: graphqlUrl,
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error, operation) {
          if (sessionRefused(error) && operation.context.authAttempt) session.ended();
        },
      }),
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const bearer = session.token();
          return bearer ? utils.appendHeaders(operation, { Authorization: `Bearer ${bearer}` }) : operation;
        },
        didAuthError: (error) => sessionRefused(error),
        async refreshAuth() {
          try {
            await session.renew();
          } catch (refused) {
            session.ended();
            throw refused;
          }
        },
      })),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              let ended = false;
              let unsubscribe = () => {
                ended = true;
              };
              openSocket().then(
                (opened) => {
                  if (!ended) unsubscribe = opened.subscribe(input, sink);
                },
                (failed: unknown) => sink.error(failed),
              );
              return { unsubscribe: () => unsubscribe() };
            },
          };
        },
      }),
    ],
    requestPolicy: 'cache-and-network',
    // The BFF takes GraphQL over HTTP as POST only (urql would send short queries as GET).
    preferGetMethod: false,
  });
}
