import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, withClient, type Answers, type Sent } from '../test-support/fakeClient';
import { AuditTrail, auditWindow } from './AuditTrail';
import { expectNoAxeViolations } from '../test-support/axe';

const access = (position: number) => ({
  position,
  occurredAt: '2026-12-01T09:00:00Z',
  subject: 'doctor-1',
  roles: ['DOCTOR'],
  clientId: 'medicore-portal',
  service: 'PatientService',
  operation: 'UpdateDemographics',
  action: 'CHANGE',
  resourceType: 'Patient',
  patientIds: ['patient-1'],
  fieldsChanged: ['contact.phone'],
  outcome: 'ALLOWED',
  status: 'OK',
});

const page = (positions: number[], next?: string) => ({
  auditTrail: { edges: positions.map((p) => ({ node: access(p) })), pageInfo: { hasNextPage: !!next, endCursor: next ?? null } },
});

const answers = (): Answers => ({
  AuditTrailPage: { data: page([42, 41], '41') },
  AuditChain: { data: { auditChain: { intact: true, records: 42, firstBrokenPosition: null } } },
});

const trailRequests = (sent: Sent) =>
  sent.filter((s) => s.name === 'AuditTrailPage').map((s) => s.variables as { filter: Record<string, unknown>; after: string | null });

describe('the audit trail', () => {
  it('takes whole days of the admin’s zone, the last one included, across a clock change', () => {
    expect(auditWindow('2026-12-01', '2026-12-02', 'Europe/Berlin')).toEqual({
      from: '2026-11-30T23:00:00.000Z',
      to: '2026-12-02T23:00:00.000Z',
    });
    expect(auditWindow('2026-03-29', '2026-03-29', 'Europe/Berlin')).toEqual({
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(auditWindow('', '', 'Europe/Berlin')).toEqual({ from: null, to: null });
  });

  it('shows who did what, whether the chain is whole, and pages forward and back', async () => {
    const sent: Sent = [];
    const fake = answers();
    render(withClient(fakeClient(fake, sent), <AuditTrail />, 'admin-1', ['ADMIN']));

    expect(screen.getByRole('status')).toHaveTextContent('The chain of all 42 records is whole');
    const records = within(screen.getByRole('list', { name: 'Accesses, newest first' })).getAllByRole('listitem');
    expect(records).toHaveLength(2);
    expect(records[0]).toHaveTextContent('change · allowed');
    expect(records[0]).toHaveTextContent('By doctor-1 (DOCTOR) through medicore-portal');
    expect(records[0]).toHaveTextContent('Fields changed: contact.phone.');

    fake.AuditTrailPage = { data: page([40]) };
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));

    expect(trailRequests(sent).map((request) => request.after)).toEqual([null, '41', null]);
  });

  it('filters by patient and days, and says when the days are the wrong way round', async () => {
    const sent: Sent = [];
    const fake = answers();
    fake.FindPatients = { data: { patients: { edges: [{ node: { id: 'patient-7', name: { given: 'Bea', family: 'Berg' }, dateOfBirth: '1990-01-01' } }] } } };
    render(withClient(fakeClient(fake, sent), <AuditTrail />, 'admin-1', ['ADMIN']));

    await userEvent.click(screen.getByRole('button', { name: 'Choose a patient' }));
    await userEvent.type(screen.getByLabelText('Family name starts with'), 'Be');
    await userEvent.click(await screen.findByRole('button', { name: /Berg, Bea/ }));
    await userEvent.type(screen.getByLabelText('From'), '2026-12-02');
    await userEvent.type(screen.getByLabelText('To (included)'), '2026-12-01');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));

    expect(screen.getByLabelText('To (included)')).toHaveAccessibleDescription('The last day comes before the first: swap them.');
    expect(trailRequests(sent)).toHaveLength(1);

    await userEvent.clear(screen.getByLabelText('To (included)'));
    await userEvent.type(screen.getByLabelText('To (included)'), '2026-12-03');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));

    const filtered = trailRequests(sent).at(-1)!;
    expect(filtered.filter.patientId).toBe('patient-7');
    expect(filtered.filter.from).toMatch(/^2026-12-0[12]T/);
    expect(filtered.filter.to).toMatch(/^2026-12-0[34]T/);
  });

  it('passes axe', async () => {
    const { container } = render(withClient(fakeClient(answers()), <AuditTrail />, 'admin-1', ['ADMIN']));
    await expectNoAxeViolations(container);
  });
});
