import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { i18nFor } from '../i18n/I18n';
import { formattingLocale, setFormattingLocale } from '../i18n/language';
import { describe, expect, it } from 'vitest';
import { fakeClient, withClient } from '../test-support/fakeClient';
import { Dashboard } from './Dashboard';

const noMoney = { amountMinor: 0, currency: '' };
const minuteAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const clinicWindow = (key: string, start: string, bookings: number) => ({
  windowKey: key,
  windowStart: start,
  dimension: 'CLINIC',
  bookings,
  noShows: 0,
  completions: 0,
  revenueInvoiced: noMoney,
  revenueCollected: noMoney,
});

const practitioners = { edges: [{ node: { id: 'prac-1', name: { given: 'Gregory', family: 'Doctor' } } }] };
const figures = (lastHour: unknown[]) => ({
  data: {
    dashboard: {
      bookingsLastHour: 2,
      noShowRateLast7DaysBasisPoints: 1250,
      practitionerUtilisation: [{ practitionerId: 'prac-1', department: 'General medicine', utilisationBasisPoints: 5000 }],
      lastHour,
    },
    practitioners,
  },
});

describe('Dashboard', () => {
  it('adds the windows the subscription sends to the figures so far, even before any revenue', async () => {
    const start = minuteAgo(5);
    const client = fakeClient({
      Dashboard: figures([clinicWindow('main@1', start, 2)]),
      LiveAnalytics: { data: { analytics: clinicWindow('main@2', minuteAgo(1), 1) } },
    });

    render(withClient(client, <Dashboard chartWidth={400} />, 'admin-1', ['ADMIN']));

    expect(await screen.findByTestId('bookings-last-hour')).toHaveTextContent('3');
    expect(screen.getByText('12.5 %')).toBeInTheDocument();
    expect(screen.getByText('Bookings per minute')).toBeInTheDocument();
  });

  it('says there is nothing yet before the first booking', async () => {
    const client = fakeClient({ Dashboard: { data: { dashboard: null, practitioners } } });

    render(withClient(client, <Dashboard chartWidth={400} />, 'admin-1', ['ADMIN']));

    expect(await screen.findByText(/No bookings yet/)).toBeInTheDocument();
  });

  it('is complete in its first paint, before any effect or live window: the figures, and practitioners by name', () => {
    // Server rendering runs no effects: what it writes is what the first paint shows.
    const html = renderToString(withClient(fakeClient({ Dashboard: figures([clinicWindow('main@1', minuteAgo(5), 2)]) }), <Dashboard chartWidth={400} />, 'admin-1', ['ADMIN']));

    expect(html).toMatch(/data-testid="bookings-last-hour">2</);
    expect(html).toContain('Gregory Doctor (General medicine): 50.0 %');
    expect(html).not.toContain('prac-1');
    expect(html).not.toContain('No practitioner has hours today');
  });

  it("writes its figures in the reader's locale", async () => {
    const before = formattingLocale();
    try {
      setFormattingLocale('de-DE');
      const german = i18nFor('de', 'de-DE');
      expect(german.t('dashboard.utilisationOf', { who: 'Gregory Doctor', department: 'Allgemeinmedizin', percent: '50,0 %' })).toBe(
        'Gregory Doctor (Allgemeinmedizin): 50,0 %',
      );
      render(withClient(fakeClient({ Dashboard: figures([clinicWindow('main@1', minuteAgo(5), 1234)]) }), <Dashboard chartWidth={400} />, 'admin-1', ['ADMIN']));
      expect(await screen.findByTestId('bookings-last-hour')).toHaveTextContent('1.234');
      expect(screen.getByText('12,5 %')).toBeInTheDocument();
      expect(screen.getByText(/Gregory Doctor \(General medicine\): 50,0 %/)).toBeInTheDocument();
    } finally {
      setFormattingLocale(before as string);
    }
  });
});
