import { render, screen } from '@testing-library/react';
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

describe('Dashboard', () => {
  it('adds the windows the subscription sends to the figures so far, even before any revenue', async () => {
    const start = minuteAgo(5);
    const client = fakeClient({
      Dashboard: {
        data: {
          dashboard: {
            bookingsLastHour: 2,
            noShowRateLast7DaysBasisPoints: 1250,
            practitionerUtilisation: [{ practitionerId: 'prac-1', department: 'General medicine', utilisationBasisPoints: 5000 }],
            lastHour: [clinicWindow('main@1', start, 2)],
          },
        },
      },
      LiveAnalytics: { data: { analytics: clinicWindow('main@2', minuteAgo(1), 1) } },
    });

    render(withClient(client, <Dashboard chartWidth={400} />, 'admin-1', ['ADMIN']));

    expect(await screen.findByTestId('bookings-last-hour')).toHaveTextContent('3');
    expect(screen.getByText('12.5 %')).toBeInTheDocument();
    expect(screen.getByText('Bookings per minute')).toBeInTheDocument();
  });

  it('says there is nothing yet before the first booking', async () => {
    const client = fakeClient({ Dashboard: { data: { dashboard: null } } });

    render(withClient(client, <Dashboard chartWidth={400} />, 'admin-1', ['ADMIN']));

    expect(await screen.findByText(/No bookings yet/)).toBeInTheDocument();
  });
});
