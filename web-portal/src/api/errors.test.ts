import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldErrors, problem } from './errors';

const refused = (classification: string, message: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { classification } })] });

describe('BFF errors', () => {
  it('files violations under the field path without the input argument', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('invalid', {
          extensions: { violations: [{ field: 'input.name.given', description: 'is required' }, { field: 'contact.email', description: 'must be an e-mail address' }] },
        }),
      ],
    });

    expect(fieldErrors(error)).toEqual({ 'name.given': 'is required', 'contact.email': 'must be an e-mail address' });
  });

  it('says in words what a refusal means for the reader', () => {
    expect(problem(refused('FORBIDDEN', 'denied'))).toBe('You may not see or change this.');
    expect(problem(refused('CONFLICT', 'the slot is taken'))).toBe('That is not possible now: the slot is taken');
    expect(problem(new CombinedError({ networkError: new Error('offline') }))).toMatch(/cannot be reached/);
    expect(problem(undefined)).toBeUndefined();
  });
});
