import type { ReactNode } from 'react';
import { CombinedError, Provider, type Client } from 'urql';
import { GraphQLError } from 'graphql';
import { concat, fromValue, never, pipe, take, toPromise } from 'wonka';
import { SessionContext } from '../auth/session';

/** What the fake BFF answers, by operation name; an operation without an answer stays loading. */
export type Answers = Record<string, { data?: unknown; error?: CombinedError }>;

/** The operations a fake BFF was sent, by name with their variables. */
export type Sent = { name: string; variables: unknown }[];

/** Fakes the BFF; each operation sent is also kept in `sent` when given. */
export function fakeClient(answers: Answers, sent?: Sent): Client {
  const answer = (request: { query: { definitions: readonly unknown[] }; variables?: unknown }) => {
    const operation = request.query.definitions[0] as { name?: { value: string } };
    sent?.push({ name: operation.name?.value ?? '', variables: request.variables });
    const found = answers[operation.name?.value ?? ''];
    return found ? fromValue({ ...found, stale: false, hasNext: false }) : never;
  };
  return {
    // A query sent on a click (`client.query(...).toPromise()`), answered the same way.
    query: (query: { definitions: readonly unknown[] }, variables?: unknown) => ({
      toPromise: () => pipe(answer({ query, variables }), take(1), toPromise),
    }),
    // A query stays subscribed, as urql's own does (for cache updates): a source that ended would
    // make useQuery drop an error it had answered.
    executeQuery: (request: Parameters<typeof answer>[0]) => concat([answer(request), never]),
    executeMutation: answer,
    executeSubscription: answer,
  } as unknown as Client;
}

/** The BFF's refusal of bad input: BAD_REQUEST with violations per field, as GraphQlErrors sends it. */
export function badRequest(violations: { field: string; description: string }[]): CombinedError {
  return new CombinedError({
    graphQLErrors: [
      new GraphQLError('invalid input', { extensions: { classification: 'BAD_REQUEST', code: 'INVALID_ARGUMENT', violations } }),
    ],
  });
}

/** A service's refusal for the state something is in: CONFLICT with the rule's reasons, as GraphQlErrors sends it. */
export function conflict(reasons: string[], message: string): CombinedError {
  return new CombinedError({
    graphQLErrors: [new GraphQLError(message, { extensions: { classification: 'CONFLICT', code: 'FAILED_PRECONDITION', reasons } })],
  });
}

export function withClient(client: Client, children: ReactNode, subject = 'patient-1', roles = ['PATIENT']) {
  return (
    <Provider value={client}>
      <SessionContext.Provider value={{ subject, roles }}>{children}</SessionContext.Provider>
    </Provider>
  );
}
