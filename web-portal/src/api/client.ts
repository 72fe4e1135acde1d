import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createSocket } from 'graphql-ws';

/**
 * One urql client per signed-in user: queries and mutations over HTTP with the bearer token,
 * subscriptions over graphql-ws with the token in connection_init, as the BFF expects.
 */
export function apiClient(graphqlUrl: string, token: () => string | undefined): Client {
  const socket = createSocket({
    url: graphqlUrl.replace(/^http/, 'ws'),
    lazy: true,
    connectionParams: () => {
      const bearer = token();
      return bearer ? { Authorization: `Bearer ${bearer}` } : {};
    },
  });
  return new Client({
    url: graphqlUrl,
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              return { unsubscribe: socket.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
    requestPolicy: 'cache-and-network',
    // The BFF takes GraphQL over HTTP as POST only (urql would send short queries as GET).
    preferGetMethod: false,
    fetchOptions: () => {
      const bearer = token();
      return bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {};
    },
  });
}
