import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { badRequest, fakeClient, withClient } from '../test-support/fakeClient';
import { SignUp } from './SignUp';

describe('SignUp', () => {
  it('shows the BFF\'s word on a field beside that field', async () => {
    const client = fakeClient({
      RegisterPatient: { error: badRequest([{ field: 'input.password', description: 'must have at least 10 characters' }]) },
    });
    render(withClient(client, <SignUp onSignIn={vi.fn()} />));

    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));

    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('must have at least 10 characters');
    expect(screen.getByLabelText('E-mail')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need another look.');
  });

  it('offers to sign in once the account exists', async () => {
    const onSignIn = vi.fn();
    const client = fakeClient({ RegisterPatient: { data: { registerPatient: { patient: { id: 'p-1', name: { given: 'Erika' } } } } } });
    render(withClient(client, <SignUp onSignIn={onSignIn} />));

    await userEvent.click(screen.getByRole('button', { name: 'Create my account' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByRole('status')).toHaveTextContent('Welcome, Erika');
    expect(onSignIn).toHaveBeenCalledOnce();
  });
});
