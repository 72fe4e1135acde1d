import type { NotificationChannel } from '../gql/graphql';
import { CHANNELS } from './channels';

const KEY = 'medicore.signUpConsent';

/** The channels a new patient agreed to at sign-up, for the account the sign-up made. */
export interface SignUpConsent {
  patientId: string;
  channels: NotificationChannel[];
}

/**
 * Keeps the choice until the new patient first signs in: only then is there a token of theirs, with
 * which notification-service records the consent as given by the patient themself. Kept in this
 * browser's storage, so a sign-in in another tab, or the next day, still stores it.
 */
export function keepSignUpConsent(consent: SignUpConsent): void {
  localStorage.setItem(KEY, JSON.stringify(consent));
}

/** The choice kept for this patient, if any; anything unreadable in the storage counts as none. */
export function signUpConsentOf(patientId: string): SignUpConsent | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<SignUpConsent> | null;
    if (kept?.patientId !== patientId || !Array.isArray(kept.channels)) return undefined;
    const channels: unknown[] = kept.channels;
    return { patientId, channels: CHANNELS.filter((channel) => channels.includes(channel)) };
  } catch {
    return undefined;
  }
}

export function forgetSignUpConsent(): void {
  localStorage.removeItem(KEY);
}
