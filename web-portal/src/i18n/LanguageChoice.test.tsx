import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Navigation } from '../navigation/Navigation';
import { expectNoAxeViolations } from '../test-support/axe';
import { LanguageProvider } from './I18n';
import { LanguageChoice } from './LanguageChoice';
import { setFormattingLocale } from './language';

afterEach(() => {
  window.localStorage.clear();
  setFormattingLocale('en-US');
});

describe('choosing the language', () => {
  it('speaks German when chosen, keeps the choice in this browser, and switches back', async () => {
    const { container } = render(
      <LanguageProvider initial="de">
        <LanguageChoice />
        <Navigation roles={['PATIENT']} />
      </LanguageProvider>,
    );

    expect(screen.getByRole('link', { name: 'Meine Termine' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    await expectNoAxeViolations(container);

    await userEvent.selectOptions(screen.getByLabelText('Sprache'), 'en');

    expect(screen.getByRole('link', { name: 'My appointments' })).toBeInTheDocument();
    expect(screen.getByLabelText('Language')).toHaveValue('en');
    expect(window.localStorage.getItem('medicore.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
