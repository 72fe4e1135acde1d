import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { badRequest, fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { LabReview } from './LabReview';
import { expectNoAxeViolations } from '../test-support/axe';

const HELD = {
  id: 'r-1',
  patientId: 'p-1',
  fileName: 'labs.pdf',
  createdAt: '2026-03-01T07:55:00Z',
  version: 3,
  processedAt: '2026-03-01T08:00:00Z',
  reviewFindings: [{ kind: 'CRITICAL_VALUE', line: 'Potassium: 6.9 mmol/L (3.5-5.1)', reason: 'Potassium 6.9 mmol/L is past a critical (panic) limit' }],
  printedIdentity: { name: 'Alice Patient', dateOfBirth: '1985-04-12', patientNumber: null },
  valuesRead: [{ testName: 'Potassium', code: '2823-3', value: '6.9', unit: 'mmol/L', referenceRange: { text: '3.5-5.1' }, abnormalFlag: 'CRITICAL_HIGH' }],
  reportText: 'City Lab Berlin\nPotassium: 6.9 mmol/L (3.5-5.1)',
};

const queue = { LabReviewQueue: { data: { labReviewQueue: { edges: [{ node: HELD }], pageInfo: { hasNextPage: false, endCursor: null } } } } };

describe('LabReview', () => {
  it('shows a held report’s text beside the values read and why it is held', async () => {
    render(withClient(fakeClient(queue), <LabReview />, 'doctor-1', ['DOCTOR']));

    await userEvent.click(await screen.findByRole('button', { name: 'Review' }));

    expect(screen.getByText(/past a critical \(panic\) limit/)).toBeInTheDocument();
    expect(screen.getByText(/City Lab Berlin/)).toBeInTheDocument();
    expect(screen.getByLabelText('Value')).toHaveValue('6.9');
    expect(screen.getByRole('button', { name: 'Accept as read' })).toBeInTheDocument();
  });

  it('offers to attach corrected values once one is changed, and shows the BFF’s word beside the reason', async () => {
    const client = fakeClient({ ...queue, RejectLabReport: { error: badRequest([{ field: 'input.reason', description: 'must not contain control characters' }]) } });
    render(withClient(client, <LabReview />, 'doctor-1', ['DOCTOR']));
    await userEvent.click(await screen.findByRole('button', { name: 'Review' }));

    await userEvent.clear(screen.getByLabelText('Value'));
    await userEvent.type(screen.getByLabelText('Value'), '4.9');
    await userEvent.type(screen.getByLabelText('Reason to reject'), 'Not our lab');
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));

    expect(screen.getByRole('button', { name: 'Attach corrected values' })).toBeInTheDocument();
    expect(await screen.findByText('Say in plain words (at most 500 characters) why the report is rejected.')).toBeInTheDocument();
  });

  it('asks for a reason before rejecting, and sends nothing without one', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient(queue, sent), <LabReview />, 'doctor-1', ['DOCTOR']));
    await userEvent.click(await screen.findByRole('button', { name: 'Review' }));

    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));

    expect(screen.getByLabelText('Reason to reject')).toHaveAccessibleDescription('Say why the report is rejected: the uploader is told.');
    expect(screen.getByRole('alert')).toHaveTextContent('Please check the marked fields.');
    expect(sent.map((operation) => operation.name)).not.toContain('RejectLabReport');
  });

  it('asks for the test and the value of an added row before attaching corrected values', async () => {
    const sent: Sent = [];
    const client = fakeClient({ ...queue, CorrectLabReport: { data: { correctLabReport: { id: 'r-1', status: 'PROCESSED' } } } }, sent);
    render(withClient(client, <LabReview />, 'doctor-1', ['DOCTOR']));
    await userEvent.click(await screen.findByRole('button', { name: 'Review' }));

    await userEvent.click(screen.getByRole('button', { name: 'Add a value' }));
    await userEvent.click(screen.getByRole('button', { name: 'Attach corrected values' }));

    const added = within(screen.getByRole('group', { name: 'Value 2' }));
    expect(added.getByLabelText('Test')).toHaveAccessibleDescription('Name the test.');
    expect(added.getByLabelText('Value')).toHaveAccessibleDescription('Enter the value as printed.');
    expect(sent.map((operation) => operation.name)).not.toContain('CorrectLabReport');

    await userEvent.type(added.getByLabelText('Test'), 'Sodium');
    await userEvent.type(added.getByLabelText('Value'), '140');
    await userEvent.click(screen.getByRole('button', { name: 'Attach corrected values' }));

    expect(await screen.findByText('Corrected values attached.')).toBeInTheDocument();
    expect(sent.find((operation) => operation.name === 'CorrectLabReport')?.variables).toMatchObject({
      input: { values: [{ testName: 'Potassium', value: '6.9' }, { testName: 'Sodium', value: '140' }] },
    });
  });

  it('passes axe', async () => {
    const { container } = render(withClient(fakeClient(queue), <LabReview />, 'doctor-1', ['DOCTOR']));
    await expectNoAxeViolations(container);
  });
});
