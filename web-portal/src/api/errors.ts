import type { CombinedError } from 'urql';
import type { GraphQLError } from 'graphql';

/**
 * The services' refusals of a change by the state it meets (the precondition types and reasons
 * their contracts list), in words for the reader. The German is in the catalogues' phrases.
 */
export const REFUSALS = {
  SLOT_TAKEN: 'That time has just been taken. Choose another.',
  OUTSIDE_WORKING_HOURS: 'The practitioner does not work at that time. Choose another.',
  IN_THE_PAST: 'That time has passed. Choose a later one.',
  PATIENT_DOUBLE_BOOKED: 'You already have an appointment at that time. Choose another.',
  NOT_BOOKED: 'The appointment is no longer booked: it was cancelled or has taken place.',
  ALREADY_STARTED: 'The appointment has already begun, so it cannot be changed.',
  NOT_TODAY: "Only today's appointments can be checked in or completed.",
  NOT_STARTED: 'The appointment has not begun yet.',
  ALREADY_FINAL: 'The appointment is already closed.',
  INVOICE_VOID: 'The invoice is void.',
  INVOICE_PAID: 'The invoice is already paid.',
  AMOUNT_EXCEEDS_BALANCE: 'The amount is more than is still due on the invoice.',
  HAS_PAYMENTS: 'The invoice has payments, so it cannot be voided.',
  UPLOAD_EXPIRED: 'The upload took too long. Choose the file again.',
  OBJECT_MISSING: 'The file did not arrive. Choose it again.',
  NOT_HELD: 'The report is no longer waiting for review: someone has decided it.',
  FOREIGN_ENTRY: 'That entry belongs to another record.',
  ALREADY_SUPERSEDED: 'That entry has already been corrected.',
  STALE_VERSION: 'It was changed elsewhere meanwhile. Look at it again, then repeat your change.',
  FOUR_EYES: 'You recorded this request, so another administrator must decide it.',
  ALREADY_ERASED: 'The patient has already been erased.',
  ALREADY_DECLINED: 'The request has already been declined.',
  ALREADY_DECIDED: 'The request has already been decided, by another administrator meanwhile.',
} as const;

export type RefusalReason = keyof typeof REFUSALS;

/** The reasons a refusal names (`extensions.reasons` of a precondition, `extensions.reason`), those the portal can say. */
export function refusalReasons(error: Pick<GraphQLError, 'extensions'> | undefined): RefusalReason[] {
  const named = [...((error?.extensions?.reasons as unknown[] | undefined) ?? []), error?.extensions?.reason];
  return named.map(String).filter((reason): reason is RefusalReason => reason in REFUSALS);
}

/** The BFF refused the token (expired, signed out elsewhere): the session has ended, nothing is broken. */
export function sessionRefused(error: CombinedError | undefined): boolean {
  const status = (error?.response as { status?: number } | undefined)?.status;
  return status === 401 || !!error?.graphQLErrors.some((e) => e.extensions?.classification === 'UNAUTHORIZED');
}

const TOO_LARGE = 'That is too much to send at once. Send less, for example a shorter text.';

/**
 * What went wrong in words for the reader, when it is not about one field. GraphQL's and the
 * server's own wording never reaches a person: a refusal is said by its reason from
 * {@link REFUSALS}; only one the portal does not know yet is quoted.
 */
export function problem(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (sessionRefused(error)) return 'Your session has ended: sign in again.';
  if (error.networkError) return 'The clinic cannot be reached right now. Try again shortly.';
  const first = error.graphQLErrors[0];
  if (!first) return 'Something went wrong. Try again shortly.';
  if (first.extensions?.violations) return 'Please check the marked fields.';
  const [known] = refusalReasons(first);
  if (known) return REFUSALS[known];
  // The BFF's request size limit (413) and a service's message size limit: sending it again fails the same way.
  if (first.extensions?.code === 'PAYLOAD_TOO_LARGE' || first.extensions?.code === 'RESOURCE_EXHAUSTED') return TOO_LARGE;
  // Last resort, for a refusal the portal has no words for yet: the service's own.
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
