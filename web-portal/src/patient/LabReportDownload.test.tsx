import { cleanup, render, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from '../i18n/I18n';
import { setFormattingLocale } from '../i18n/language';
import { expectNoAxeViolations } from '../test-support/axe';
import { conflict, fakeClient, withClient, type Answers, type Sent } from '../test-support/fakeClient';
import { LabReportDownload } from './LabReportDownload';

const REPORT = { id: 'r-1', fileName: 'blood-panel.pdf', createdAt: '2026-03-01T08:00:00Z' };
const LINK = 'http://127.0.0.1:19000/medicore-lab-reports/uploads/p-1/r-1.pdf?X-Amz-Signature=abc';
const held = conflict(['HELD_FOR_REVIEW'], "the report waits for a clinician's review; its file is available once it is decided");

function renderDownload(answers: Answers, sent?: Sent) {
  return render(withClient(fakeClient(answers, sent), <LabReportDownload report={REPORT} />));
}

describe('downloading a lab report’s PDF', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks the BFF for the link only when clicked, then opens the PDF in a new tab', async () => {
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    const sent: Sent = [];
    renderDownload({ LabReportDownload: { data: { labReportDownload: { downloadUrl: LINK, expiresAt: '2026-03-01T08:05:00Z' } } } }, sent);
    expect(sent).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: /^Download PDF: blood-panel\.pdf of / }));

    expect(sent).toEqual([{ name: 'LabReportDownload', variables: { reportId: 'r-1' } }]);
    expect(opened).toHaveBeenCalledWith(LINK, '_blank', 'noopener');
  });

  it("says in words that a report waiting for a clinician's review cannot be opened yet", async () => {
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    renderDownload({ LabReportDownload: { error: held } });

    const button = screen.getByRole('button', { name: /^Download PDF/ });
    await userEvent.click(button);

    expect(await screen.findByRole('alert')).toHaveTextContent("This report is waiting for a clinician's review");
    expect(button).toHaveAccessibleDescription(/waiting for a clinician's review/);
    expect(opened).not.toHaveBeenCalled();
    await expectNoAxeViolations();
  });

  it('says a report that came without a PDF has none, and a refusal it does not know in general words', async () => {
    renderDownload({ LabReportDownload: { error: conflict(['OBJECT_MISSING'], 'no PDF is stored for the report') } });
    await userEvent.click(screen.getByRole('button', { name: /^Download PDF/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This report came without a PDF.');
    cleanup();

    const gone = new CombinedError({ graphQLErrors: [new GraphQLError('unknown report', { extensions: { classification: 'NOT_FOUND', code: 'NOT_FOUND' } })] });
    renderDownload({ LabReportDownload: { error: gone } });
    await userEvent.click(screen.getByRole('button', { name: /^Download PDF/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('It was not found; it may have been removed.');
  });

  it('speaks German', async () => {
    try {
      render(
        <LanguageProvider initial="de">
          {withClient(fakeClient({ LabReportDownload: { error: held } }), <LabReportDownload report={REPORT} />)}
        </LanguageProvider>,
      );
      await userEvent.click(screen.getByRole('button', { name: /^PDF herunterladen: blood-panel\.pdf vom / }));
      expect(await screen.findByRole('alert')).toHaveTextContent('Dieser Befund wartet auf die Durchsicht');
    } finally {
      window.localStorage.clear();
      setFormattingLocale('en-US');
    }
  });
});
