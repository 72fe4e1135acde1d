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
import { bookingsIn, mergeWindows, minuteByMinute, noShowPercent, type ClinicWindow } from './windows';


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
    practitioners(first: 100) {
      edges {
        node {
          id
          name {
            given
            family
          }
        }
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

/** A rate in percent with one decimal, in the reader's locale: "12.5 %", "12,5 %". */
const percent = (value: number) =>
  `${value.toLocaleString(formattingLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
/** A chart's number (an axis tick, a tooltip's value) in the reader's locale. */
const number = (value: unknown) => (typeof value === 'number' ? value.toLocaleString(formattingLocale()) : String(value));

/** The current minute, moving on every minute, so a quiet hour's chart still ends now. */
function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The clinic's figures now, then every window analytics-service emits, as they come. Everything
 * shown is computed from what the query and the subscription have said so far while rendering,
 * so the first paint after the query is already complete.
 */
export function Dashboard({ chartWidth }: { chartWidth?: number }) {
  const { t, phrase } = useI18n();
  const [{ data, fetching, error }, refresh] = useQuery({ query: DashboardQuery, requestPolicy: 'network-only' });
  // The windows the subscription sent, each one's latest version, kept as they come.
  const [live] = useSubscription({ query: Live }, (seen: ClinicWindow[] = [], sent) => mergeWindows(seen, sent.analytics, new Date()));
  const now = useMinute();

  useEffect(() => {
    // Utilisation and the 7-day rate are not in the windows: they are read again as windows come.
    if (live.data) refresh({ requestPolicy: 'network-only' });
  }, [live.data, refresh]);

  const windows = minuteByMinute(mergeWindows([...(data?.dashboard?.lastHour ?? []), ...(live.data ?? [])], undefined, now), now);
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
  const names = new Map(data?.practitioners.edges.map(({ node }) => [node.id, `${node.name.given} ${node.name.family}`]));
  const utilisation = (data?.dashboard?.practitionerUtilisation ?? []).map((p) => ({
    // A practitioner beyond the directory's first page is still told apart by their department.
    practitioner: names.get(p.practitionerId) ?? p.department,
    department: p.department,
    percent: p.utilisationBasisPoints / 100,
  }));
  const seenAny = !!data?.dashboard || (live.data?.length ?? 0) > 0;
  const chart = (content: React.ReactElement) =>
    chartWidth ? content : <ResponsiveContainer width="100%" height={220}>{content}</ResponsiveContainer>;

  return (
    <Page title={t('nav.dashboard')}>
      <p role="status" aria-live="polite" className="text-sm text-slate-600">
        {live.error ? t('dashboard.liveOff') : t('live.on')}
      </p>
      {fetching && !data && <Loading what={t('dashboard.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && !seenAny && <Empty>{t('dashboard.none')}</Empty>}
      {seenAny && (
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
              <YAxis allowDecimals={false} tickFormatter={number} />
              <Tooltip formatter={number} />
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
              <YAxis tickFormatter={number} />
              <Tooltip formatter={number} />
              <Legend />
              <Line dataKey="invoiced" name={t('dashboard.invoiced')} stroke="#b45309" isAnimationActive={false} />
              <Line dataKey="collected" name={t('dashboard.collected')} stroke="#15803d" isAnimationActive={false} />
            </LineChart>,
          )}
          <h3 className="font-semibold">{t('dashboard.utilisation')}</h3>
          {utilisation.length === 0 ? (
            <Empty>{t('dashboard.noHours')}</Empty>
          ) : (
            <>
              {chart(
                <BarChart data={utilisation} width={chartWidth} height={220} accessibilityLayer>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="practitioner" />
                  <YAxis domain={[0, 100]} tickFormatter={(value: number) => `${number(value)} %`} />
                  <Tooltip formatter={(value) => (typeof value === 'number' ? percent(value) : String(value))} />
                  <Bar dataKey="percent" name={t('dashboard.utilisationBar')} fill="#7c3aed" isAnimationActive={false} />
                </BarChart>,
              )}
              <ul aria-label={t('dashboard.utilisationList')} data-testid="utilisation" className="flex flex-col gap-1 text-sm">
                {utilisation.map((row) => (
                  <li key={`${row.practitioner}-${row.department}`}>
                    {t('dashboard.utilisationOf', { who: row.practitioner, department: row.department, percent: percent(row.percent) })}
                  </li>
                ))}
              </ul>
            </>
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
