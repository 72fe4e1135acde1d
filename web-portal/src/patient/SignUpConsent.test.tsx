import { render, waitFor } from '@testing-library/react';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { SignUpConsent } from './SignUpConsent';
import { keepSignUpConsent, signUpConsentOf } from './signUpConsent';

const stored = { updateMessagePreferences: { patientId: 'p-1', channels: ['EMAIL'] } };

describe('the consent given at sign-up', () => {
  afterEach(() => localStorage.clear());

  it("is stored on the new patient's first sign-in through the preferences' mutation, then forgotten", async () => {
    keepSignUpConsent({ patientId: 'p-1', channels: ['EMAIL'] });
    const sent: Sent = [];
    render(withClient(fakeClient({ ConsentGivenAtSignUp: { data: stored } }, sent), <SignUpConsent />, 'p-1'));

    await waitFor(() => expect(signUpConsentOf('p-1')).toBeUndefined());
    expect(sent).toEqual([
      { name: 'ConsentGivenAtSignUp', variables: { input: { patientId: 'p-1', channels: ['EMAIL'], consentedChannels: ['EMAIL'] } } },
    ]);
  });

  it('stays kept when the clinic refuses or does not answer, for the next sign-in', async () => {
    keepSignUpConsent({ patientId: 'p-1', channels: ['SMS'] });
    const unavailable = new CombinedError({ graphQLErrors: [new GraphQLError('UNAVAILABLE', { extensions: { classification: 'UNAVAILABLE' } })] });
    const sent: Sent = [];
    render(withClient(fakeClient({ ConsentGivenAtSignUp: { error: unavailable } }, sent), <SignUpConsent />, 'p-1'));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(signUpConsentOf('p-1')).toEqual({ patientId: 'p-1', channels: ['SMS'] });
  });

  it("is never sent for someone else signing in on the same browser, nor when the storage holds anything but a consent", async () => {
    keepSignUpConsent({ patientId: 'p-1', channels: ['EMAIL'] });
    const sent: Sent = [];
    const { unmount } = render(withClient(fakeClient({ ConsentGivenAtSignUp: { data: stored } }, sent), <SignUpConsent />, 'p-2'));
    unmount();
    for (const junk of ['{', 'null', '"p-1"', JSON.stringify({ patientId: 'p-1', channels: 'EMAIL' }), '\u0000'.repeat(10_000)]) {
      localStorage.setItem('medicore.signUpConsent', junk);
      render(withClient(fakeClient({ ConsentGivenAtSignUp: { data: stored } }, sent), <SignUpConsent />, 'p-1')).unmount();
    }

    expect(sent).toEqual([]);
  });

  it('sends only the channels the portal knows, whatever else was written into the storage', async () => {
    localStorage.setItem('medicore.signUpConsent', JSON.stringify({ patientId: 'p-1', channels: ['EMAIL', 'PIGEON', 'SMS\u0000', 'SMS'] }));
    const sent: Sent = [];
    render(withClient(fakeClient({ ConsentGivenAtSignUp: { data: stored } }, sent), <SignUpConsent />, 'p-1'));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].variables).toEqual({ input: { patientId: 'p-1', channels: ['EMAIL', 'SMS'], consentedChannels: ['EMAIL', 'SMS'] } });
  });
});
