import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Navigation } from './Navigation';
import { expectNoAxeViolations } from '../test-support/axe';

describe('Navigation', () => {
  it('offers a patient only their own records', () => {
    render(<Navigation roles={['PATIENT']} />);

    const links = screen.getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual([
      'My profile',
      'Book an appointment',
      'My appointments',
      'My invoices',
      'Upload a lab report',
      'My lab results',
      'Messages',
    ]);
  });

  it('lists a place once for a user holding two roles that lead there', () => {
    render(<Navigation roles={['BILLING', 'ADMIN']} />);

    expect(screen.getAllByRole('link', { name: /invoices/i })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/dashboard');
  });

  it('tells a user without a role what to do', () => {
    render(<Navigation roles={['offline_access']} />);

    expect(screen.getByRole('status')).toHaveTextContent('no MediCore role');
  });

  it('passes axe', async () => {
    const { container } = render(<Navigation roles={['ADMIN']} />);
    expect(screen.getByRole('link', { name: 'Audit trail' })).toHaveAttribute('href', '/audit');
    await expectNoAxeViolations(container);
  });
});
