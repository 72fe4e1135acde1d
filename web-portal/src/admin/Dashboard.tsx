import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import { formattingLocale } from '../i18n/language';
import { formatMoney, toMajorUnits } from '../money/money';
import { Empty, Loading, Page, Problem } from '../ui/States';
import { formatTime } from '../ui/time';
import { bookingsIn, mergeWindows, noShowPercent, type ClinicWindow } from './windows';


const DashboardQuery = graphql(`
  query Dashboard {
    dashboard {
      bookingsLastHour
      noShowRateLast7DaysBasisPoints
      practitionerUtilisation {
        practitionerId
        department
        utilisationBasisPoints
      }
      lastHour {
        ...AnalyticsWindowParts
      }
    }
  }
`);

const Live = graphql(`
  subscription LiveAnalytics {
    analytics {
      ...AnalyticsWindowParts
    }
  }
`);

/** The clinic's figures now, then every window analytics-service emits, as they come. */
/** A rate in percent with one decimal, in the reader's locale: "12.5 %", "12,5 %". */
const percent = (value: number) =>
  `${value.toLocaleString(formattingLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

export function Dashboard({ chartWidth }: { chartWidth?: number }) {
  const { t, phrase } = useI18n();
  const [{ data, fetching, error }, refresh] = useQuery({ query: DashboardQuery, requestPolicy: 'network-only' });
  const [live] = useSubscription({ query: Live });
  const [windows, setWindows] = useState<ClinicWindow[]>([]);

  useEffect(() => {
    if (data?.dashboard) setWindows((seen) => mergeWindows([...data.dashboard!.lastHour, ...seen], undefined, new Date()));
  }, [data]);
  useEffect(() => {
    if (!live.data) return;
    setWindows((seen) => mergeWindows(seen, live.data!.analytics, new Date()));
    // Utilisation and the 7-day rate are not in the windows: they are read again as windows come.
    refresh({ requestPolicy: 'network-only' });
  }, [live.data, refresh]);

  const rate = noShowPercent(windows);
  const perMinute = windows.map((w) => ({
    minute: formatTime(w.windowStart),
    bookings: w.bookings,
    invoiced: toMajorUnits(w.revenueInvoiced),
    collected: toMajorUnits(w.revenueCollected),
  }));
  // A window without revenue has no currency (protobuf's zero Money); the clinic's is the first one seen.
  const currency = windows.map((w) => w.revenueInvoiced.currency || w.revenueCollected.currency).find(Boolean) ?? '';
  const invoiced = windows.reduce((sum, w) => sum + w.revenueInvoiced.amountMinor, 0);
  const utilisation = (data?.dashboard?.practitionerUtilisation ?? []).map((p) => ({
    practitioner: `${p.department} ${p.practitionerId.slice(0, 6)}`,
    percent: p.utilisationBasisPoints / 100,
  }));
  const chart = (content: React.ReactElement) =>
    chartWidth ? content : <ResponsiveContainer width="100%" height={220}>{content}</ResponsiveContainer>;

  return (
    <Page title={t('nav.dashboard')}>
      <p role="status" aria-live="polite" className="text-sm text-slate-600">
        {live.error ? t('dashboard.liveOff') : t('live.on')}
      </p>
      {fetching && !data && <Loading what={t('dashboard.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && !data.dashboard && windows.length === 0 && <Empty>{t('dashboard.none')}</Empty>}
      {(data?.dashboard || windows.length > 0) && (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure label={t('dashboard.bookingsHour')} testId="bookings-last-hour" value={bookingsIn(windows).toLocaleString(formattingLocale())} />
            <Figure label={t('dashboard.noShowsHour')} value={rate === undefined ? '—' : percent(rate)} />
            <Figure label={t('dashboard.noShows7')} value={data?.dashboard ? percent(data.dashboard.noShowRateLast7DaysBasisPoints / 100) : '—'} />
            <Figure label={t('dashboard.invoicedHour')} value={formatMoney({ amountMinor: invoiced, currency })} />
          </dl>
          <h3 className="font-semibold">{t('dashboard.bookingsPerMinute')}</h3>
          {chart(
            <BarChart data={perMinute} width={chartWidth} height={220} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="minute" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="bookings" name={t('dashboard.bookings')} fill="#0369a1" isAnimationActive={false} />
            </BarChart>,
          )}
          <h3 className="font-semibold">
            {t('dashboard.revenuePerMinute')}
            {currency && ` (${currency})`}
          </h3>
          {chart(
            <LineChart data={perMinute} width={chartWidth} height={220} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="minute" />
              <YAxis />
              <Tooltip />
              <Legend />
              <Line dataKey="invoiced" name={t('dashboard.invoiced')} stroke="#b45309" isAnimationActive={false} />
              <Line dataKey="collected" name={t('dashboard.collected')} stroke="#15803d" isAnimationActive={false} />
            </LineChart>,
          )}
          <h3 className="font-semibold">{t('dashboard.utilisation')}</h3>
          {utilisation.length === 0 ? (
            <Empty>{t('dashboard.noHours')}</Empty>
          ) : (
            chart(
              <BarChart data={utilisation} width={chartWidth} height={220} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="practitioner" />
                <YAxis unit=" %" domain={[0, 100]} />
                <Tooltip />
                <Bar dataKey="percent" name={t('dashboard.utilisationBar')} fill="#7c3aed" isAnimationActive={false} />
              </BarChart>,
            )
          )}
        </>
      )}
    </Page>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded border border-slate-300 bg-white p-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
