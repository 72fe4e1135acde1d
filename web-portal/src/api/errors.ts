import type { CombinedError } from 'urql';

/** The BFF's field violations (extensions.violations) by field path, for showing beside the fields. */
export type FieldErrors = Record<string, string>;

interface Violation {
  field: string;
  description: string;
}

/** Field paths come as the schema spells them, with or without the input argument: `input.name.given`. */
export function fieldErrors(error: CombinedError | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const violations = (graphQLError.extensions?.violations ?? []) as Violation[];
    for (const violation of violations) {
      errors[violation.field.replace(/^input\./, '')] = violation.description;
    }
  }
  return errors;
}

/** What went wrong in words for the reader, when it is not about one field. */
export function problem(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.networkError) return 'The clinic cannot be reached right now. Try again shortly.';
  const first = error.graphQLErrors[0];
  if (!first) return error.message;
  if (first.extensions?.violations) return 'Some fields need another look.';
  switch (first.extensions?.classification) {
    case 'FORBIDDEN':
      return 'You may not see or change this.';
    case 'NOT_FOUND':
      return 'It was not found; it may have been removed.';
    case 'CONFLICT':
      return `That is not possible now: ${first.message}`;
    case 'UNAVAILABLE':
      return 'A service is not answering. Try again shortly.';
    default:
      return first.message;
  }
}
