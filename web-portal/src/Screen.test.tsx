import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Screen } from './Screen';
import { fakeClient, withClient } from './test-support/fakeClient';

describe('Screen', () => {
  it('says the page is loading while its code comes, then shows it with its heading in focus', async () => {
    render(withClient(fakeClient({}), <Screen path="/" roles={['PATIENT']} />));

    expect(screen.getByRole('status')).toHaveTextContent('Loading the page…');
    const heading = await screen.findByRole('heading', { name: 'My profile' });
    expect(heading).toHaveFocus();
  });

  it('says at once, loading nothing, that an address the roles do not lead to is not here', async () => {
    render(withClient(fakeClient({}), <Screen path="/audit" roles={['PATIENT']} />));

    expect(screen.getByRole('heading', { name: 'Not here' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
