import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { badRequest, fakeClient, withClient, type Answers, type Sent } from '../test-support/fakeClient';
import { keepErasureRequest } from './erasureRequestKept';
import { MyProfile } from './MyProfile';
import { LanguageProvider } from '../i18n/I18n';
import { setFormattingLocale } from '../i18n/language';
import { expectNoAxeViolations } from '../test-support/axe';

const record = (version: number, phone: string | null, city = 'Berlin', preferredLanguage: string | null = null) => ({
  me: {
    email: 'alice@example.org',
    patient: {
      id: 'patient-1',
      version,
      preferredLanguage,
      name: { given: 'Alice', family: 'Patient' },
      dateOfBirth: '1984-02-29',
      sex: 'FEMALE',
      contact: {
        email: 'alice@example.org',
        phone,
        address: { lines: ['Unter den Linden 1'], postalCode: '10117', city, region: null, countryCode: 'DE' },
      },
    },
  },
});

const updated = { updatePatient: { id: 'patient-1', version: 4, contact: { email: 'alice@example.org', phone: '+49301234567', address: null } } };

const stale = new CombinedError({
  graphQLErrors: [
    new GraphQLError('the patient changed since it was read; re-read version 4', {
      extensions: { classification: 'CONFLICT', code: 'ABORTED', reason: 'STALE_VERSION', current_version: '4' },
    }),
  ],
});

const inputSent = (sent: Sent) => sent.filter((s) => s.name === 'UpdateMyContact').map((s) => (s.variables as { input: unknown }).input);

const languageSent = (sent: Sent) => sent.filter((s) => s.name === 'UpdateMyLanguage').map((s) => (s.variables as { input: unknown }).input);

describe('my profile', () => {
  it('saves a phone number written as people write it, in E.164, against the version shown', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient({ MyRecord: { data: record(3, null) }, UpdateMyContact: { data: updated } }, sent), <MyProfile />));

    expect(screen.getByText('Unter den Linden 1, 10117 Berlin, DE')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Change contact details' }));
    await userEvent.type(screen.getByLabelText('Phone'), '030 1234567');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(inputSent(sent)).toEqual([
      {
        patientId: 'patient-1',
        expectedVersion: 3,
        contact: {
          email: 'alice@example.org',
          phone: '+49301234567',
          address: { lines: ['Unter den Linden 1'], postalCode: '10117', city: 'Berlin', region: null, countryCode: 'DE' },
        },
      },
    ]);
    expect(await screen.findByRole('status')).toHaveTextContent('Your contact details are saved.');
  });

  it("shows the service's refusal beside the field it names", async () => {
    const refusal = badRequest([{ field: 'input.contact.address.postalCode', description: 'must be a postal code of DE' }]);
    render(withClient(fakeClient({ MyRecord: { data: record(3, null) }, UpdateMyContact: { error: refusal } }), <MyProfile />));

    await userEvent.click(screen.getByRole('button', { name: 'Change contact details' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByLabelText('Postal code')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Postal code')).toHaveAccessibleDescription('Enter the postal code as the post writes it.');
    expect(screen.getByRole('alert')).toHaveTextContent('Please check the marked fields.');
  });

  it('checks what it can before sending: a way to reach the patient and a whole address', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient({ MyRecord: { data: record(3, null) } }, sent), <MyProfile />));

    await userEvent.click(screen.getByRole('button', { name: 'Change contact details' }));
    await userEvent.clear(screen.getByLabelText('E-mail'));
    await userEvent.clear(screen.getByLabelText('City'));
    await userEvent.type(screen.getByLabelText('Phone'), 'call me');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByLabelText('Phone')).toHaveAccessibleDescription('Enter a phone number such as +49 30 1234567.');
    expect(screen.getByLabelText('City')).toHaveAccessibleDescription('Enter the city.');
    expect(inputSent(sent)).toEqual([]);
  });

  it('shows a change made elsewhere meanwhile and saves over it only when asked', async () => {
    const sent: Sent = [];
    const answers: Answers = { MyRecord: { data: record(3, null) }, UpdateMyContact: { error: stale } };
    render(withClient(fakeClient(answers, sent), <MyProfile />));

    await userEvent.click(screen.getByRole('button', { name: 'Change contact details' }));
    await userEvent.type(screen.getByLabelText('Phone'), '+49 30 1234567');
    answers.MyRecord = { data: record(4, '+4940999', 'Hamburg') };
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const conflict = await screen.findByRole('alert');
    expect(conflict).toHaveTextContent('changed elsewhere');
    expect(conflict).toHaveTextContent('+4940999');
    expect(conflict).toHaveTextContent('Hamburg');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

    answers.UpdateMyContact = { data: updated };
    await userEvent.click(screen.getByRole('button', { name: 'Keep mine: save them over these' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(inputSent(sent).map((input) => (input as { expectedVersion: number }).expectedVersion)).toEqual([3, 4]);
    expect((inputSent(sent)[1] as { contact: { phone: string } }).contact.phone).toBe('+49301234567');
  });

  it('passes axe, reading and editing, with a refusal shown', async () => {
    const refusal = badRequest([{ field: 'contact.address.postalCode', description: 'must be a postal code of DE' }]);
    const { container } = render(withClient(fakeClient({ MyRecord: { data: record(3, null) }, UpdateMyContact: { error: refusal } }), <MyProfile />));
    await expectNoAxeViolations(container);

    await userEvent.click(screen.getByRole('button', { name: 'Change contact details' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await expectNoAxeViolations(container);
  });

  it('speaks German, the refusal beside its field too, and writes the date of birth the German way', async () => {
    const refusal = badRequest([{ field: 'contact.address.postalCode', description: 'must be a postal code of DE' }]);
    try {
      render(
        <LanguageProvider initial="de">
          {withClient(fakeClient({ MyRecord: { data: record(3, null) }, UpdateMyContact: { error: refusal } }), <MyProfile />)}
        </LanguageProvider>,
      );

      expect(screen.getByRole('heading', { name: 'Mein Profil' })).toBeInTheDocument();
      expect(screen.getByText('29.02.1984')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Kontaktdaten ändern' }));
      await userEvent.click(screen.getByRole('button', { name: 'Speichern' }));

      expect(screen.getByLabelText('Postleitzahl')).toHaveAccessibleDescription('Geben Sie die Postleitzahl so ein, wie die Post sie schreibt.');
      expect(screen.getByRole('alert')).toHaveTextContent('Bitte prüfen Sie die markierten Felder.');
    } finally {
      window.localStorage.clear();
      setFormattingLocale('en-US');
    }
  });

  it('saves the chosen language to the profile and speaks it from then on, in this browser too', async () => {
    const sent: Sent = [];
    const answers: Answers = {
      MyRecord: { data: record(3, null) },
      UpdateMyLanguage: { data: { updatePatient: { id: 'patient-1', version: 4, preferredLanguage: 'de' } } },
    };
    try {
      render(<LanguageProvider initial="en">{withClient(fakeClient(answers, sent), <MyProfile />)}</LanguageProvider>);

      expect(screen.getByText("not chosen: this browser's", { selector: 'dd' })).toBeInTheDocument();
      answers.MyRecord = { data: record(4, null, 'Berlin', 'de') };
      await userEvent.selectOptions(screen.getByLabelText('Portal and messages in'), 'de');
      await userEvent.click(screen.getByRole('button', { name: 'Save language' }));

      expect(languageSent(sent)).toEqual([{ patientId: 'patient-1', expectedVersion: 3, preferredLanguage: 'de' }]);
      expect(await screen.findByRole('status')).toHaveTextContent('Ihre Sprache ist gespeichert.');
      // The saved language shows once the record is read again, which may come after the word of success.
      expect(await screen.findByText('Deutsch', { selector: 'dd' })).toBeInTheDocument();
      expect(window.localStorage.getItem('medicore.language')).toBe('de');
    } finally {
      window.localStorage.clear();
      setFormattingLocale('en-US');
    }
  });

  it('clears the choice when the patient leaves it to the browser', async () => {
    const sent: Sent = [];
    const answers: Answers = {
      MyRecord: { data: record(3, null, 'Berlin', 'en') },
      UpdateMyLanguage: { data: { updatePatient: { id: 'patient-1', version: 4, preferredLanguage: null } } },
    };
    render(withClient(fakeClient(answers, sent), <MyProfile />));

    expect(screen.getByLabelText('Portal and messages in')).toHaveValue('en');
    await userEvent.selectOptions(screen.getByLabelText('Portal and messages in'), '');
    await userEvent.click(screen.getByRole('button', { name: 'Save language' }));

    expect(languageSent(sent)).toEqual([{ patientId: 'patient-1', expectedVersion: 3, preferredLanguage: null }]);
    expect(await screen.findByRole('status')).toHaveTextContent('Your language is saved.');
  });

  it("shows the service's refusal of the language on its field", async () => {
    const refusal = badRequest([{ field: 'preferredLanguage', description: 'must be a language the clinic speaks: en or de' }]);
    const { container } = render(withClient(fakeClient({ MyRecord: { data: record(3, null) }, UpdateMyLanguage: { error: refusal } }), <MyProfile />));

    await userEvent.click(screen.getByRole('button', { name: 'Save language' }));

    expect(screen.getByLabelText('Portal and messages in')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Portal and messages in')).toHaveAccessibleDescription('Choose English or German.');
    expect(screen.getByRole('alert')).toHaveTextContent('Please check the marked fields.');
    await expectNoAxeViolations(container);
  });

  it('says the data was erased, not that there is no record yet, once the erasure is done', async () => {
    keepErasureRequest('patient-1', 'e-1');
    try {
      const done = { id: 'e-1', state: 'DONE', requestedAt: '2026-12-01T09:00:00Z', decidedAt: '2026-12-02T10:00:00Z',
        declineReason: null, erasedAt: '2026-12-02T10:00:05Z' };
      render(withClient(fakeClient({ MyRecord: { data: { me: { email: null, patient: null } } }, MyErasureRequest: { data: { erasureRequest: done } } }),
        <MyProfile />));

      expect(await screen.findByRole('status')).toHaveTextContent(/^Your data was erased on .+\. You cannot sign in again\.$/);
      expect(screen.queryByText('There is no patient record for this account yet.')).toBeNull();
    } finally {
      localStorage.clear();
    }
  });
});
