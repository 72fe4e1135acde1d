import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LabResultsTable } from './LabResultsTable';

describe('LabResultsTable', () => {
  it('marks a value out of range in words, not only in colour', () => {
    render(
      <LabResultsTable
        results={[
          { id: '1', testName: 'Potassium', value: '6.9', numericValue: 6.9, unit: 'mmol/L', abnormalFlag: 'HIGH', referenceRange: { low: 3.5, high: 5.1, text: '3.5-5.1' }, observedAt: '2026-03-01T08:00:00Z' },
          { id: '2', testName: 'Glucose', value: '98', numericValue: 98, unit: 'mg/dL', abnormalFlag: 'NORMAL', referenceRange: { low: 70, high: 99, text: '70-99' }, observedAt: '2026-03-01T08:00:00Z' },
        ]}
      />,
    );

    const [, potassium, glucose] = screen.getAllByRole('row');
    expect(within(potassium).getByText('out of range')).toBeInTheDocument();
    expect(potassium).toHaveClass('bg-red-50');
    expect(within(glucose).queryByText('out of range')).not.toBeInTheDocument();
  });

  it('shows a collection date without a time as that day, and a time with its zone', () => {
    render(
      <LabResultsTable
        results={[
          { id: '1', testName: 'Ferritin', value: '40', unit: 'ng/mL', observedAt: '2026-12-02T00:00:00Z' },
          { id: '2', testName: 'Sodium', value: '140', unit: 'mmol/L', observedAt: '2026-12-02T07:15:00Z' },
        ]}
      />,
    );

    const [, ferritin, sodium] = screen.getAllByRole('row');
    expect(within(ferritin).getAllByRole('cell')[3].textContent).toMatch(/^(Dec 2, 2026|2 Dec 2026)$/);
    expect(within(sodium).getAllByRole('cell')[3].textContent).toMatch(/08:15/);
  });
});
