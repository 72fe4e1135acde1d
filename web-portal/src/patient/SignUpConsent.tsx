import { useEffect, useRef } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../auth/session';
import { forgetSignUpConsent, signUpConsentOf } from './signUpConsent';

const ConsentGivenAtSignUp = graphql(`
  mutation ConsentGivenAtSignUp($input: UpdateMessagePreferencesInput!) {
    updateMessagePreferences(input: $input) {
      patientId
      channels
    }
  }
`);

/**
 * On a new patient's first sign-in, stores the consent they gave at sign-up through the preferences'
 * own mutation, then forgets it. Refused or unanswered, it stays kept and is tried at the next
 * sign-in; the Messages screen shows what is recorded meanwhile. Shows nothing.
 */
export function SignUpConsent() {
  const { subject } = useSession();
  const [, store] = useMutation(ConsentGivenAtSignUp);
  const sent = useRef(false);
  useEffect(() => {
    const consent = signUpConsentOf(subject);
    if (!consent || sent.current) return;
    sent.current = true;
    void store({ input: { patientId: subject, channels: consent.channels, consentedChannels: consent.channels } }).then((answer) => {
      if (answer.data) forgetSignUpConsent();
    });
  }, [subject, store]);
  return null;
}
