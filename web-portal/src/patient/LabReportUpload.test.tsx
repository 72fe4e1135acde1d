import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18nFor } from '../i18n/I18n';
import { expectNoAxeViolations } from '../test-support/axe';
import { fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { LabReportUpload } from './LabReportUpload';
import { isPdf } from './upload';

const pdf = new File(['%PDF-1.7'], 'glucose.pdf', { type: 'application/pdf' });
const photo = new File(['not a pdf'], 'holiday.png', { type: 'image/png' });
const picker = () => document.getElementById('lab-report-file') as HTMLInputElement;
const choose = (file: File) => fireEvent.change(picker(), { target: { files: [file] } });

describe('the lab report upload', () => {
  it("is chosen with a button, from the keyboard too, that opens the browser's picker offering PDFs only", async () => {
    const user = userEvent.setup();
    render(withClient(fakeClient({}), <LabReportUpload />));
    const opened = vi.spyOn(picker(), 'click').mockImplementation(() => {});

    expect(picker()).toHaveAttribute('accept', 'application/pdf');
    const button = screen.getByRole('button', { name: 'Choose a PDF file… Lab report (PDF, at most 10 MiB)' });
    expect(button).toHaveAccessibleDescription(/No file chosen yet\./);
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(opened).toHaveBeenCalledTimes(2);

    choose(pdf);
    expect(button).toHaveAccessibleDescription(/Chosen: glucose\.pdf/);
  });

  it('refuses another kind of file chosen anyway, in words beside the button, and sends nothing', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient({}, sent), <LabReportUpload />));

    choose(photo);
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));

    const button = screen.getByRole('button', { name: /^Choose a PDF file/ });
    expect(button).toHaveAttribute('aria-invalid', 'true');
    expect(button).toHaveAccessibleDescription(/“holiday\.png” is not a PDF\. Choose the lab report as a PDF file\./);
    expect(sent).toEqual([]);
    await expectNoAxeViolations();

    choose(pdf);
    expect(button).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/is not a PDF/)).toBeNull();
  });

  it('asks for a file before sending when none is chosen', async () => {
    render(withClient(fakeClient({}), <LabReportUpload />));

    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));

    expect(screen.getByRole('button', { name: /^Choose a PDF file/ })).toHaveAccessibleDescription(/Choose a PDF file first\./);
  });

  it('tells a PDF by its type, or by its name when the system gives none', () => {
    expect(isPdf({ name: 'report.pdf', type: 'application/pdf' })).toBe(true);
    expect(isPdf({ name: 'REPORT.PDF', type: '' })).toBe(true);
    expect(isPdf({ name: 'report.pdf', type: 'image/png' })).toBe(false);
    expect(isPdf({ name: 'report.docx', type: '' })).toBe(false);
    expect(i18nFor('de', 'de-DE').t('lab.notPdf', { name: 'urlaub.png' })).toBe('„urlaub.png“ ist kein PDF. Wählen Sie den Laborbefund als PDF-Datei.');
  });
});
