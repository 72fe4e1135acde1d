import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe';
import { fakeClient, withClient } from '../test-support/fakeClient';
import { LabReports } from './LabReports';

const report = (id: string, fileName: string, status: string) => ({ id, fileName, status, createdAt: '2026-03-01T08:00:00Z' });
const reports = {
  LabReports: {
    data: {
      labReports: {
        edges: [
          { node: report('r-1', 'blood-panel.pdf', 'PROCESSED') },
          { node: report('r-2', 'thyroid.pdf', 'NEEDS_REVIEW') },
          { node: report('r-3', 'scan.pdf', 'REJECTED') },
          { node: report('r-4', 'later.pdf', 'AWAITING_UPLOAD') },
        ],
      },
    },
  },
};

describe("a patient's lab reports", () => {
  it('offers each report that has a file as a PDF, named by the report, and none for a refused or missing file', async () => {
    render(withClient(fakeClient(reports), <LabReports patientId="p-1" />));

    const list = screen.getByRole('region', { name: 'Lab reports' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(within(items[0]).getByText(/read$/)).toBeInTheDocument();
    expect(within(items[0]).getByRole('button', { name: /^Download PDF: blood-panel\.pdf of / })).toBeInTheDocument();
    // Asked anyway: a clinician may open it; the patient is told why not in words.
    expect(within(items[1]).getByRole('button', { name: /^Download PDF: thyroid\.pdf/ })).toBeInTheDocument();
    expect(within(items[2]).queryByRole('button')).toBeNull();
    expect(within(items[3]).queryByRole('button')).toBeNull();
    await expectNoAxeViolations();
  });

  it('says when there is none yet', () => {
    render(withClient(fakeClient({ LabReports: { data: { labReports: { edges: [] } } } }), <LabReports patientId="p-1" />));
    expect(screen.getByText('No lab reports yet.')).toBeInTheDocument();
  });
});
