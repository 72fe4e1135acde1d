import type { CombinedError } from 'urql';

/** The BFF refused the token (expired, signed out elsewhere): the session has ended, nothing is broken. */
export function sessionRefused(error: CombinedError | undefined): boolean {
  const status = (error?.response as { status?: number } | undefined)?.status;
  return status === 401 || !!error?.graphQLErrors.some((e) => e.extensions?.classification === 'UNAUTHORIZED');
}

/**
 * What went wrong in words for the reader, when it is not about one field. GraphQL's and the
 * server's own wording never reaches a person: only the services' refusals of a change, which
 * are written for people, are quoted.
 */
export function problem(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (sessionRefused(error)) return 'Your session has ended: sign in again.';
  if (error.networkError) return 'The clinic cannot be reached right now. Try again shortly.';
  const first = error.graphQLErrors[0];
  if (!first) return 'Something went wrong. Try again shortly.';
  if (first.extensions?.violations) return 'Please check the marked fields.';
  switch (first.extensions?.classification) {
    case 'FORBIDDEN':
      return 'You may not see or change this.';
    case 'NOT_FOUND':
      return 'It was not found; it may have been removed.';
    case 'CONFLICT':
      return `That is not possible now: ${first.message}.`;
    case 'UNAVAILABLE':
      return 'A service is not answering. Try again shortly.';
    case 'BAD_REQUEST':
      return `That was refused: ${first.message}.`;
    case 'ValidationError':
      return 'Something you entered could not be read. Check the fields and try again.';
    default:
      return 'Something went wrong on our side; it has been noted. Try again shortly.';
  }
}
