import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from '../i18n/I18n';
import { expectNoAxeViolations } from '../test-support/axe';
import { fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { RecordDownload, recordFileName } from './RecordDownload';

const BUNDLE = JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'Patient', id: 'p-1' } }] });

const refusal = (classification: string, message: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { classification } })] });

describe('Download my record', () => {
  const saved: { blob: Blob; name: string }[] = [];
  const { createObjectURL, revokeObjectURL } = URL;
  beforeEach(() => {
    saved.length = 0;
    let blob: Blob | undefined;
    URL.createObjectURL = (b: Blob) => ((blob = b), 'blob:record');
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      if (blob) saved.push({ blob, name: this.download });
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  });

  it("fetches the patient's own FHIR Bundle on the click and saves it as a .json file", async () => {
    const sent: Sent = [];
    const { container } = render(withClient(fakeClient({ FhirRecord: { data: { fhirRecord: BUNDLE } } }, sent), <RecordDownload patientId="p-1" />));
    expect(sent).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Download my record' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Your record is saved as a .json file');
    expect(sent).toEqual([{ name: 'FhirRecord', variables: { patientId: 'p-1' } }]);
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toMatch(/^medicore-record-\d{4}-\d{2}-\d{2}\.json$/);
    expect(saved[0].blob.type).toBe('application/fhir+json');
    expect(JSON.parse(await saved[0].blob.text())).toMatchObject({ resourceType: 'Bundle' });
    await expectNoAxeViolations(container);
  });

  it.each([
    ['UNAVAILABLE', 'UNAVAILABLE: the FHIR API is not answering', 'A service is not answering. Try again shortly.'],
    ['FORBIDDEN', 'PERMISSION_DENIED: the FHIR API answered 403', 'You may not see or change this.'],
    ['NOT_FOUND', 'NOT_FOUND: the FHIR API answered 404', 'It was not found; it may have been removed.'],
    ['INTERNAL_ERROR', 'something went wrong; it has been logged', 'Something went wrong on our side; it has been noted. Try again shortly.'],
  ])('says plainly why it failed (%s) beside the button, and saves nothing', async (classification, message, words) => {
    render(withClient(fakeClient({ FhirRecord: { error: refusal(classification, message) } }), <RecordDownload patientId="p-1" />));

    await userEvent.click(screen.getByRole('button', { name: 'Download my record' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Your record could not be downloaded. ${words}`);
    expect(screen.getByRole('button', { name: 'Download my record' })).toHaveAccessibleDescription(alert.textContent ?? '');
    expect(document.body).not.toHaveTextContent('FHIR API');
    expect(saved).toEqual([]);
  });

  it('says it in German', async () => {
    render(
      <LanguageProvider initial="de">
        {withClient(fakeClient({ FhirRecord: { error: refusal('UNAVAILABLE', 'UNAVAILABLE') } }), <RecordDownload patientId="p-1" />)}
      </LanguageProvider>,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Meine Akte herunterladen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Ihre Akte konnte nicht heruntergeladen werden. Ein Dienst antwortet nicht. Versuchen Sie es gleich noch einmal.',
    );
  });

  it("names the file by the clinic's day, not the device's", () => {
    const before = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = zone;
        // 23:30 in Berlin on 1 March: already 2 March in Kiritimati, still 1 March in Pago Pago.
        expect(recordFileName(new Date('2026-03-01T22:30:00Z')), zone).toBe('medicore-record-2026-03-01.json');
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
