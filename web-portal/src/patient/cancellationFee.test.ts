import { describe, expect, it } from 'vitest';
import { cancellationFee } from './cancellationFee';

const schedule = {
  taxRateBasisPoints: 0,
  fees: [
    { appointmentType: 'CONSULTATION', lateCancellationFee: { amountMinor: 2500, currency: 'EUR' } },
    { appointmentType: 'VACCINATION', lateCancellationFee: { amountMinor: 0, currency: 'EUR' } },
  ],
};
const consultation = { appointmentType: 'CONSULTATION', lateCancellationFrom: '2026-12-03T09:00:00Z' };

describe('the fee a cancellation will cost', () => {
  it('is free until the service counts a cancellation late, and names the fee after', () => {
    expect(cancellationFee(consultation, schedule, new Date('2026-12-03T08:59:00Z'))).toEqual({
      kind: 'free-until',
      until: '2026-12-03T09:00:00Z',
      fee: { amountMinor: 2500, currency: 'EUR' },
      taxRateBasisPoints: 0,
    });
  });

  it('is the late cancellation fee of the appointment type once late', () => {
    expect(cancellationFee(consultation, schedule, new Date('2026-12-03T09:00:01Z'))).toMatchObject({ kind: 'charged', fee: { amountMinor: 2500 } });
  });

  it('is free where the schedule charges nothing or the appointment is no longer booked', () => {
    expect(cancellationFee({ ...consultation, appointmentType: 'VACCINATION' }, schedule, new Date('2026-12-03T10:00:00Z'))).toEqual({ kind: 'free' });
    expect(cancellationFee({ appointmentType: 'CONSULTATION', lateCancellationFrom: null }, schedule, new Date())).toEqual({ kind: 'free' });
    expect(cancellationFee(consultation, null, new Date())).toEqual({ kind: 'free' });
  });
});
