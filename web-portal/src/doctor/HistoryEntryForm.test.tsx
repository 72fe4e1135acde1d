import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { badRequest, fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { PatientChart } from './PatientChart';
import { expectNoAxeViolations } from '../test-support/axe';

const chart = {
  patient: {
    id: 'p-1',
    name: { given: 'Erika', family: 'Mustermann' },
    dateOfBirth: '1990-05-17',
    sex: 'FEMALE',
    contact: { email: 'erika@example.org', phone: null },
    history: [],
    labResults: [],
    appointments: [],
  },
};

describe("the chart's history entry form", () => {
  it('asks for the severity of an allergy and sends it', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient({ PatientChart: { data: chart }, AddHistoryEntry: { data: { addHistoryEntry: { id: 'h-1' } } } }, sent), <PatientChart patientId="p-1" />, 'doctor-1', ['DOCTOR']));

    await userEvent.selectOptions(await screen.findByLabelText('Kind of entry'), 'ALLERGY');
    await userEvent.type(screen.getByLabelText('Substance'), 'Penicillin');
    await userEvent.click(screen.getByRole('button', { name: 'Add to history' }));
    expect(screen.getByLabelText('Severity')).toHaveAccessibleDescription('Choose how severe the allergy is.');

    await userEvent.selectOptions(screen.getByLabelText('Severity'), 'SEVERE');
    await userEvent.click(screen.getByRole('button', { name: 'Add to history' }));

    expect(sent.filter((operation) => operation.name === 'AddHistoryEntry').map((operation) => operation.variables)).toEqual([
      { input: { patientId: 'p-1', kind: 'ALLERGY', text: 'Penicillin', severity: 'SEVERE', dosage: null } },
    ]);
  });

  it("shows the service's refusal of the severity on the Severity field", async () => {
    const refusal = badRequest([{ field: 'allergy.severity', description: 'is required: MILD, MODERATE, SEVERE or LIFE_THREATENING' }]);
    render(withClient(fakeClient({ PatientChart: { data: chart }, AddHistoryEntry: { error: refusal } }), <PatientChart patientId="p-1" />, 'doctor-1', ['DOCTOR']));

    await userEvent.selectOptions(await screen.findByLabelText('Kind of entry'), 'ALLERGY');
    await userEvent.type(screen.getByLabelText('Substance'), 'Penicillin');
    await userEvent.selectOptions(screen.getByLabelText('Severity'), 'MILD');
    await userEvent.click(screen.getByRole('button', { name: 'Add to history' }));

    expect(screen.getByLabelText('Severity')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/LIFE_THREATENING/)).toBeNull();
  });

  it('passes axe on the chart', async () => {
    const { container } = render(withClient(fakeClient({ PatientChart: { data: chart } }), <PatientChart patientId="p-1" />, 'doctor-1', ['DOCTOR']));
    await expectNoAxeViolations(container);
  });
});
