import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe';
import { badRequest, fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { RecordErasure } from './RecordErasure';

describe("an admin records a patient's request to be erased", () => {
  it('asks how and when the patient asked, sends nothing without it, then records it', async () => {
    const sent: Sent = [];
    const { container } = render(withClient(fakeClient({ RequestErasureFor: { data: { requestErasureFor: { id: 'e-1', state: 'PENDING' } } } }, sent),
      <RecordErasure patientId="p-1" />, 'admin-1', ['ADMIN']));

    await userEvent.click(screen.getByRole('button', { name: 'Record a request to erase this patient' }));
    const reason = screen.getByLabelText('How and when the patient asked');
    expect(reason).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Record the request' }));

    expect(reason).toHaveAccessibleDescription('Say how and when the patient asked for the erasure.');
    expect(sent).toEqual([]);
    await expectNoAxeViolations(container);
    await userEvent.type(reason, 'by letter of 2026-12-01');
    await userEvent.click(screen.getByRole('button', { name: 'Record the request' }));

    expect(await screen.findByRole('status')).toHaveTextContent('The request is recorded. Another administrator decides it under Erasure requests.');
    expect(sent).toEqual([{ name: 'RequestErasureFor', variables: { patientId: 'p-1', reason: 'by letter of 2026-12-01' } }]);
  });

  it("says the BFF's refusal of the reason beside it", async () => {
    render(withClient(fakeClient({ RequestErasureFor: { error: badRequest([{ field: 'reason', description: 'must be at most 500 characters' }]) } }),
      <RecordErasure patientId="p-1" />, 'admin-1', ['ADMIN']));
    await userEvent.click(screen.getByRole('button', { name: 'Record a request to erase this patient' }));
    await userEvent.type(screen.getByLabelText('How and when the patient asked'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Record the request' }));

    expect(await screen.findByLabelText('How and when the patient asked')).toHaveAccessibleDescription(
      'Say in plain words (at most 500 characters) how and when the patient asked.',
    );
  });

  it('is not there for doctors', () => {
    render(withClient(fakeClient({}), <RecordErasure patientId="p-1" />, 'doctor-1', ['DOCTOR']));

    expect(screen.queryByRole('button', { name: 'Record a request to erase this patient' })).toBeNull();
  });
});
