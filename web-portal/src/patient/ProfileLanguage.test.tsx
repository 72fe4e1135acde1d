import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageProvider } from '../i18n/I18n';
import { LanguageChoice } from '../i18n/LanguageChoice';
import { setFormattingLocale } from '../i18n/language';
import { fakeClient, withClient } from '../test-support/fakeClient';
import { ProfileLanguage } from './ProfileLanguage';

afterEach(() => {
  window.localStorage.clear();
  setFormattingLocale('en-US');
});

const speaking = (preferredLanguage: string | null) => fakeClient({ MyLanguage: { data: { me: { patient: { id: 'patient-1', preferredLanguage } } } } });

function signedIn(client: ReturnType<typeof fakeClient>) {
  render(
    <LanguageProvider initial="en">
      <LanguageChoice />
      {withClient(client, <ProfileLanguage />)}
    </LanguageProvider>,
  );
}

describe("the profile's language on sign-in", () => {
  it('is spoken when this browser holds no choice, and is not stored here', async () => {
    signedIn(speaking('de'));

    expect(await screen.findByLabelText('Sprache')).toHaveValue('de');
    expect(document.documentElement.lang).toBe('de');
    expect(window.localStorage.getItem('medicore.language')).toBeNull();
  });

  it("gives way to a choice made in this browser", async () => {
    window.localStorage.setItem('medicore.language', 'en');
    signedIn(speaking('de'));

    await new Promise((settled) => setTimeout(settled, 20));
    expect(screen.getByLabelText('Language')).toHaveValue('en');
  });

  it('changes nothing when the profile names no language', async () => {
    signedIn(speaking(null));

    await new Promise((settled) => setTimeout(settled, 20));
    expect(screen.getByLabelText('Language')).toHaveValue('en');
  });
});
