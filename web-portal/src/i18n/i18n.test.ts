import { describe, expect, it } from 'vitest';
import * as forms from '../api/formFields';
import { problem, REFUSALS } from '../api/errors';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { formatMoney } from '../money/money';
import { formatDay, formatDateTime } from '../ui/time';
import { i18nFor } from './I18n';
import { formattingLocale, languageFromBrowser, localeFor, setFormattingLocale } from './language';
import { CATALOGUES, type MessageKey } from './messages';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the languages', () => {
  it('takes the first of the browser languages the portal speaks, else English', () => {
    expect(languageFromBrowser(['fr-FR', 'de-AT', 'en-US'])).toBe('de');
    expect(languageFromBrowser(['en-GB', 'de-DE'])).toBe('en');
    expect(languageFromBrowser(['fr-FR'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });

  it("formats in the browser's variant of the chosen language", () => {
    expect(localeFor('de', ['de-AT', 'en-US'])).toBe('de-AT');
    expect(localeFor('de', ['en-US'])).toBe('de-DE');
    expect(localeFor('en', ['en-US'])).toBe('en-US');
  });

  it('says every message in German with the same placeholders as in English', () => {
    for (const key of Object.keys(CATALOGUES.en.messages) as MessageKey[]) {
      expect(CATALOGUES.de.messages[key], key).toBeTruthy();
      expect(placeholders(CATALOGUES.de.messages[key]), key).toEqual(placeholders(CATALOGUES.en.messages[key]));
    }
  });

  it("has German for every form field's sentence", () => {
    const sentences = (Object.values(forms).filter((value) => typeof value === 'object') as forms.FormFields[])
      .flatMap((form) => Object.values(form).flatMap((field) => [field.required, field.invalid]))
      .filter((sentence): sentence is string => !!sentence);
    expect(sentences.length).toBeGreaterThan(20);
    for (const sentence of sentences) expect(CATALOGUES.de.phrases[sentence], sentence).toBeTruthy();
  });

  it('has German for every refusal the services name by its reason, and says a known one in it', () => {
    for (const [reason, sentence] of Object.entries(REFUSALS)) expect(CATALOGUES.de.phrases[sentence], reason).toBeTruthy();
    const late = new CombinedError({
      graphQLErrors: [new GraphQLError('appointment is not booked', { extensions: { classification: 'CONFLICT', reasons: ['NOT_BOOKED'] } })],
    });
    const stale = new CombinedError({
      graphQLErrors: [new GraphQLError('version 3 is stale', { extensions: { classification: 'CONFLICT', reason: 'STALE_VERSION' } })],
    });
    const german = i18nFor('de', 'de-DE');
    expect(german.phrase(problem(late))).toBe('Der Termin ist nicht mehr gebucht: Er wurde abgesagt oder hat stattgefunden.');
    expect(german.phrase(problem(stale))).toMatch(/^Es wurde inzwischen anderswo geändert/);
  });

  it('fills in placeholders and leaves unknown sentences as they are', () => {
    const german = i18nFor('de', 'de-DE');
    expect(german.t('pages.page', { page: 2 })).toBe('Seite 2');
    expect(german.phrase('Enter the city.')).toBe('Geben Sie den Ort ein.');
    expect(german.phrase('something new')).toBe('something new');
  });

  it('formats money, days and times in the chosen locale', () => {
    const before = formattingLocale();
    try {
      setFormattingLocale('de-DE');
      expect(formatMoney({ amountMinor: 2500, currency: 'EUR' })).toBe('25,00\u00a0€');
      expect(formatDay('2026-12-02')).toBe('02.12.2026');
      expect(formatDateTime('2026-12-02T09:30:00Z', 'Europe/Berlin')).toMatch(/^2\. Dez\. 2026, 10:30 MEZ$/);
      setFormattingLocale('en-GB');
      expect(formatMoney({ amountMinor: 2500, currency: 'EUR' })).toBe('€25.00');
      expect(formatDay('2026-12-02')).toBe('2 Dec 2026');
    } finally {
      setFormattingLocale(before as string);
    }
  });
});
