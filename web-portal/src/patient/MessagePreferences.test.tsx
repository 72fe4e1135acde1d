import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageProvider } from '../i18n/I18n';
import { expectNoAxeViolations } from '../test-support/axe';
import { badRequest, fakeClient, withClient, type Answers, type Sent } from '../test-support/fakeClient';
import { hourAndMinute, MessagePreferencesForm } from './MessagePreferences';

const preferences = (fields: Record<string, unknown> = {}) => ({
  messagePreferences: {
    patientId: 'patient-1',
    channels: ['EMAIL'],
    consents: [
      { channel: 'EMAIL', state: 'GIVEN' },
      { channel: 'SMS', state: 'NOT_GIVEN' },
    ],
    quietHours: { start: '21:00', end: '08:00' },
    timeZone: 'Europe/Berlin',
    ...fields,
  },
});

const saved = { updateMessagePreferences: { patientId: 'patient-1' } };

function show(answers: Answers, sent?: Sent, language?: 'de') {
  const form = withClient(fakeClient({ MessagePreferences: { data: preferences() }, ...answers }, sent), <MessagePreferencesForm patientId="patient-1" />);
  return render(language ? <LanguageProvider initial={language}>{form}</LanguageProvider> : form);
}

const save = () => userEvent.click(screen.getByRole('button', { name: 'Save my choices' }));
const updates = (sent: Sent) => sent.filter((s) => s.name === 'UpdateMessagePreferences').map((s) => s.variables);

describe("a patient's message preferences", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('shows the consent per channel and the quiet hours recorded, and saves a change of both', async () => {
    const sent: Sent = [];
    const { container } = show({ UpdateMessagePreferences: { data: saved } }, sent);

    const email = await screen.findByRole('checkbox', { name: 'By e-mail' });
    expect(email).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'By text message (SMS)' })).not.toBeChecked();
    expect(screen.getByLabelText('Quiet from')).toHaveValue('21:00');
    expect(screen.getByLabelText('Quiet until')).toHaveValue('08:00');
    expect(screen.getByText(/read in your time zone Europe\/Berlin/)).toBeInTheDocument();

    await userEvent.click(email);
    await userEvent.click(screen.getByRole('checkbox', { name: 'By text message (SMS)' }));
    await userEvent.clear(screen.getByLabelText('Quiet from'));
    await userEvent.type(screen.getByLabelText('Quiet from'), '22:30');
    await save();

    expect(updates(sent)).toEqual([
      { input: { patientId: 'patient-1', channels: ['SMS'], consentedChannels: ['SMS'], quietHours: { start: '22:30', end: '08:00' } } },
    ]);
    expect(await screen.findByText('Your choices are saved.')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('withdraws every consent when nothing is ticked', async () => {
    const sent: Sent = [];
    show({ UpdateMessagePreferences: { data: saved } }, sent);

    await userEvent.click(await screen.findByRole('checkbox', { name: 'By e-mail' }));
    await save();

    expect(updates(sent)[0]).toMatchObject({ input: { channels: [], consentedChannels: [] } });
  });

  it('names empty quiet hours on their fields and sends nothing', async () => {
    const sent: Sent = [];
    show({}, sent);

    await userEvent.clear(await screen.findByLabelText('Quiet from'));
    await userEvent.clear(screen.getByLabelText('Quiet until'));
    await save();

    expect(screen.getByLabelText('Quiet from')).toHaveAccessibleDescription('Enter when your quiet hours begin, such as 21:00.');
    expect(screen.getByLabelText('Quiet until')).toHaveAccessibleDescription('Enter when your quiet hours end, such as 08:00.');
    expect(updates(sent)).toEqual([]);
  });

  it.each([
    ['channels', 'names SMS twice', 'checkbox', 'By e-mail', 'Choose e-mail, text message, both or neither.'],
    ['consentedChannels', 'names no channel: EMAIL or SMS', 'checkbox', 'By e-mail', 'Choose e-mail, text message, both or neither.'],
    ['input.quietHours.start', 'must be a time of day as HH:MM, 00:00 to 23:59', 'field', 'Quiet from', 'Enter when your quiet hours begin as hours and minutes, such as 21:00.'],
    ['input.quietHours.end', 'must be a time of day as HH:MM, 00:00 to 23:59', 'field', 'Quiet until', 'Enter when your quiet hours end as hours and minutes, such as 08:00.'],
  ])('says a refusal of %s on its field in its own words, never the service\'s', async (field, description, kind, label, words) => {
    show({ UpdateMessagePreferences: { error: badRequest([{ field, description }]) } });

    await screen.findByLabelText('Quiet from');
    await save();

    if (kind === 'field') expect(await screen.findByLabelText(label)).toHaveAccessibleDescription(words);
    else expect(await screen.findByRole('group', { name: 'The clinic may write to me' })).toHaveAccessibleDescription(words);
    expect(screen.getByRole('alert')).toHaveTextContent('Please check the marked fields.');
    expect(document.body).not.toHaveTextContent(description);
  });

  it.each(['input', 'patientId', 'updateMask'])('says a refusal of the whole update (%s) for the form, in its own words', async (field) => {
    show({ UpdateMessagePreferences: { error: badRequest([{ field, description: 'must name at least one of [channels]' }]) } });

    await screen.findByLabelText('Quiet from');
    await save();

    expect(await screen.findByRole('alert')).toHaveTextContent('Your choices could not be saved as sent. Reload the page and choose again.');
    expect(document.body).not.toHaveTextContent('must name');
  });

  it("says another patient's preferences are not the patient's to change, without the server's words", async () => {
    const forbidden = new CombinedError({
      graphQLErrors: [new GraphQLError('PERMISSION_DENIED: only the patient or an administrator', { extensions: { classification: 'FORBIDDEN' } })],
    });
    show({ UpdateMessagePreferences: { error: forbidden } });

    await screen.findByLabelText('Quiet from');
    await save();

    expect(await screen.findByRole('alert')).toHaveTextContent('You may not see or change this.');
    expect(document.body).not.toHaveTextContent('PERMISSION_DENIED');
  });

  it('says it all in German, the refusals too', async () => {
    show({ UpdateMessagePreferences: { error: badRequest([{ field: 'quietHours.end', description: 'must be a time of day' }]) } }, undefined, 'de');

    expect(await screen.findByRole('checkbox', { name: 'Per E-Mail' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Meine Wahl speichern' }));

    expect(await screen.findByLabelText('Ruhe bis')).toHaveAccessibleDescription(
      'Geben Sie das Ende Ihrer Ruhezeit in Stunden und Minuten ein, etwa 08:00.',
    );
  });

  it("keeps the quiet hours as the patient's wall-clock times, whatever zone this device is in", async () => {
    for (const device of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'Asia/Kathmandu']) {
      process.env.TZ = device;
      const sent: Sent = [];
      const answers = { MessagePreferences: { data: preferences({ timeZone: 'America/St_Johns', quietHours: { start: '23:30', end: '06:45' } }) } };
      const { unmount } = render(
        withClient(fakeClient({ ...answers, UpdateMessagePreferences: { data: saved } }, sent), <MessagePreferencesForm patientId="patient-1" />),
      );

      expect(await screen.findByLabelText('Quiet from')).toHaveValue('23:30');
      expect(screen.getByText(/read in your time zone America\/St_Johns/)).toBeInTheDocument();
      await save();

      expect(updates(sent)[0], device).toMatchObject({ input: { quietHours: { start: '23:30', end: '06:45' } } });
      unmount();
    }
  });
});

describe('a time of day as notification-service reads it', () => {
  it('takes HH:MM and a browser\'s HH:MM:SS, and nothing else', () => {
    expect(hourAndMinute('00:00')).toBe('00:00');
    expect(hourAndMinute('23:59')).toBe('23:59');
    expect(hourAndMinute('21:00:00')).toBe('21:00');
    expect(hourAndMinute(' 07:05 ')).toBe('07:05');
    for (const text of ['', '24:00', '7:05', '12:60', '21.00', '21:00 Uhr', 'x'.repeat(10_000), '21:\u000000', '\u202e21:00', '２１:００', '-1:00']) {
      expect(hourAndMinute(text), JSON.stringify(text.slice(0, 20))).toBeUndefined();
    }
  });

  it('never takes a random text that is not exactly a time of day', () => {
    const alphabet = '0123456789:. \t\u0000\u200bA-';
    for (let run = 0; run < 2000; run++) {
      const text = Array.from({ length: 1 + Math.floor(Math.random() * 9) }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
      const read = hourAndMinute(text);
      if (read !== undefined) expect(read, JSON.stringify(text)).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    }
  });
});
