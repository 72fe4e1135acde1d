import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { problem, sessionRefused } from './errors';

const refused = (classification: string, message: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { classification } })] });

describe('BFF errors', () => {
  it('says in words what a refusal means for the reader', () => {
    expect(problem(refused('FORBIDDEN', 'denied'))).toBe('You may not see or change this.');
    expect(problem(refused('CONFLICT', 'the slot is taken'))).toBe('That is not possible now: the slot is taken.');
    expect(problem(new CombinedError({ networkError: new Error('offline') }))).toMatch(/cannot be reached/);
    expect(problem(undefined)).toBeUndefined();
  });

  it('never passes GraphQL or server wording on', () => {
    expect(problem(refused('ValidationError', "Variable 'input' has an invalid value: not a valid Date: ''"))).toBe(
      'Something you entered could not be read. Check the fields and try again.',
    );
    expect(problem(refused('INTERNAL_ERROR', 'java.lang.NullPointerException'))).not.toMatch(/java/);
  });

  it('says a request that is too large in its own words, not the BFF\'s', () => {
    for (const code of ['PAYLOAD_TOO_LARGE', 'RESOURCE_EXHAUSTED']) {
      const tooLarge = new CombinedError({
        graphQLErrors: [new GraphQLError('the request is larger than 1024 KiB; send less at once', {
          extensions: { code, classification: 'BAD_REQUEST' },
        })],
      });
      expect(problem(tooLarge)).toBe('That is too much to send at once. Send less, for example a shorter text.');
    }
  });

  it('tells an ended session from an outage', () => {
    const expired = new CombinedError({ networkError: new Error('Unauthorized'), response: { status: 401 } });

    expect(sessionRefused(expired)).toBe(true);
    expect(problem(expired)).toBe('Your session has ended: sign in again.');
    expect(sessionRefused(new CombinedError({ networkError: new Error('offline') }))).toBe(false);
  });
});
