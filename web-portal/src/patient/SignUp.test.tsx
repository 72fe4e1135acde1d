import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badRequest, fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { SignUp } from './SignUp';
import { signUpConsentOf } from './signUpConsent';
import { expectNoAxeViolations } from '../test-support/axe';

async function fillIn(phone = '') {
  await userEvent.type(screen.getByLabelText('Given name'), 'Erika');
  await userEvent.type(screen.getByLabelText('Family name'), 'Mustermann');
  await userEvent.type(screen.getByLabelText('Date of birth'), '1990-05-17');
  await userEvent.type(screen.getByLabelText('E-mail'), 'erika@example.org');
  if (phone) await userEvent.type(screen.getByLabelText('Phone'), phone);
  await userEvent.type(screen.getByLabelText('Password'), 'a-long-enough-password');
}

describe('SignUp', () => {
  it("shows the BFF's word on a field beside that field", async () => {
    const client = fakeClient({
      RegisterPatient: { error: badRequest([{ field: 'input.password', description: 'must have at least 10 characters' }]) },
    });
    render(withClient(client, <SignUp onSignIn={vi.fn()} />));

    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));

    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('Choose another password of at least 12 characters that is hard to guess.');
    expect(screen.getByLabelText('E-mail')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Please check the marked fields.');
  });

  it('names the empty required fields and sends nothing', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient({}, sent), <SignUp onSignIn={vi.fn()} />));

    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));

    expect(screen.getByLabelText('Date of birth')).toHaveAccessibleDescription('Enter your date of birth.');
    expect(screen.getByLabelText('Given name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Phone')).not.toHaveAttribute('aria-invalid');
    expect(sent).toEqual([]);
  });

  it('sends a phone number written the usual way in E.164', async () => {
    const sent: Sent = [];
    const client = fakeClient({ RegisterPatient: { data: { registerPatient: { patient: { id: 'p-1', name: { given: 'Erika' } } } } } }, sent);
    render(withClient(client, <SignUp onSignIn={vi.fn()} />));

    await fillIn('+49 30 1234567');
    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));

    expect(sent[0].variables).toMatchObject({ input: { phone: '+49301234567' } });
  });

  it('sends the date of birth as typed, on a device whose clock is a day ahead of Berlin or behind it', async () => {
    const before = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = zone;
        const sent: Sent = [];
        const client = fakeClient({ RegisterPatient: { data: { registerPatient: { patient: { id: 'p-1', name: { given: 'Erika' } } } } } }, sent);
        const { unmount } = render(withClient(client, <SignUp onSignIn={vi.fn()} />));

        await fillIn();
        await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));

        expect(sent[0].variables).toMatchObject({ input: { dateOfBirth: '1990-05-17' } });
        unmount();
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('refuses a phone number it cannot read before sending', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient({}, sent), <SignUp onSignIn={vi.fn()} />));

    await fillIn('call me');
    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));

    expect(screen.getByLabelText('Phone')).toHaveAccessibleDescription('Enter a phone number such as +49 30 1234567.');
    expect(sent).toEqual([]);
  });

  it('offers to sign in once the account exists', async () => {
    const onSignIn = vi.fn();
    const client = fakeClient({ RegisterPatient: { data: { registerPatient: { patient: { id: 'p-1', name: { given: 'Erika' } } } } } });
    render(withClient(client, <SignUp onSignIn={onSignIn} />));

    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByRole('status')).toHaveTextContent('Welcome, Erika');
    expect(onSignIn).toHaveBeenCalledOnce();
  });

  it('passes axe, also with the missing fields marked', async () => {
    const { container } = render(withClient(fakeClient({}), <SignUp onSignIn={vi.fn()} />));
    await expectNoAxeViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    await expectNoAxeViolations(container);
  });

  describe('asks for consent to messages', () => {
    afterEach(() => localStorage.clear());
    const registered = { RegisterPatient: { data: { registerPatient: { patient: { id: 'p-1', name: { given: 'Erika' } } } } } };

    it('unticked on every channel: nothing is assumed, and nothing is kept when nothing is ticked', async () => {
      render(withClient(fakeClient(registered), <SignUp onSignIn={vi.fn()} />));

      const group = screen.getByRole('group', { name: /May the clinic write to you/ });
      expect(screen.getByRole('checkbox', { name: 'By e-mail' })).not.toBeChecked();
      expect(screen.getByRole('checkbox', { name: 'By text message (SMS)' })).not.toBeChecked();
      expect(group).toBeInTheDocument();
      await fillIn();
      await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));

      expect(await screen.findByRole('status')).toHaveTextContent('Welcome, Erika');
      expect(signUpConsentOf('p-1')).toBeUndefined();
      expect(screen.queryByText(/saved when you sign in/)).not.toBeInTheDocument();
    });

    it('keeps the channels ticked for the new account, to store on its first sign-in, and says so', async () => {
      const sent: Sent = [];
      render(withClient(fakeClient(registered, sent), <SignUp onSignIn={vi.fn()} />));

      await fillIn('030 1234567');
      await userEvent.click(screen.getByRole('checkbox', { name: 'By text message (SMS)' }));
      await userEvent.click(screen.getByRole('checkbox', { name: 'By e-mail' }));
      await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));

      expect(await screen.findByText('Your choice of messages is saved when you sign in for the first time.')).toBeInTheDocument();
      expect(signUpConsentOf('p-1')).toEqual({ patientId: 'p-1', channels: ['EMAIL', 'SMS'] });
      expect(signUpConsentOf('another-patient')).toBeUndefined();
      // The registration itself carries no consent: the BFF's input has none.
      expect(JSON.stringify(sent[0].variables)).not.toMatch(/EMAIL|SMS/);
    });

    it('asks for a phone number before text messages can be agreed to, and sends nothing', async () => {
      const sent: Sent = [];
      render(withClient(fakeClient(registered, sent), <SignUp onSignIn={vi.fn()} />));

      await fillIn();
      await userEvent.click(screen.getByRole('checkbox', { name: 'By text message (SMS)' }));
      await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));

      expect(screen.getByRole('group', { name: /May the clinic write to you/ })).toHaveAccessibleDescription(
        'Give a phone number for text messages, or untick them.',
      );
      expect(sent).toEqual([]);
    });
  });
});
