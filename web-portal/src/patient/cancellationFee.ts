import type { Money } from '../money/money';

/** The fee schedule as the BFF serves it: what each appointment type costs to cancel late. */
export interface LateFees {
  taxRateBasisPoints: number;
  fees: readonly { appointmentType: string; lateCancellationFee: Money }[];
}

/** What cancelling an appointment will cost, by the service's policy and the current fee schedule. */
export type CancellationFee =
  | { kind: 'free' }
  | { kind: 'free-until'; until: string; fee: Money; taxRateBasisPoints: number }
  | { kind: 'charged'; fee: Money; taxRateBasisPoints: number };

/**
 * `lateCancellationFrom` comes from appointment-service (the instant after which it marks a
 * cancellation late), the fee from billing-service's schedule: the portal only puts them side by side.
 */
export function cancellationFee(
  appointment: { appointmentType: string; lateCancellationFrom?: string | null },
  schedule: LateFees | null | undefined,
  now: Date,
): CancellationFee {
  const fee = schedule?.fees.find((entry) => entry.appointmentType === appointment.appointmentType)?.lateCancellationFee;
  if (!appointment.lateCancellationFrom || !fee || fee.amountMinor <= 0 || !schedule) return { kind: 'free' };
  const taxRateBasisPoints = schedule.taxRateBasisPoints;
  return now.getTime() > Date.parse(appointment.lateCancellationFrom)
    ? { kind: 'charged', fee, taxRateBasisPoints }
    : { kind: 'free-until', until: appointment.lateCancellationFrom, fee, taxRateBasisPoints };
}
