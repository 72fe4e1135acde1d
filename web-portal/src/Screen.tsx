import { lazy, Suspense } from 'react';
import { AuditTrail } from './admin/AuditTrail';
import { FeeSchedule } from './billing/FeeSchedule';
import { Invoices } from './billing/Invoices';
import { LabReview } from './doctor/LabReview';
import { PatientChart } from './doctor/PatientChart';
import { Patients } from './doctor/Patients';
import { TodaysSchedule } from './doctor/TodaysSchedule';
import { destinationsFor } from './navigation/navigation';
import { BookAppointment } from './patient/BookAppointment';
import { LabReportUpload } from './patient/LabReportUpload';
import { MyAppointments } from './patient/MyAppointments';
import { MyInvoices } from './patient/MyInvoices';
import { MyProfile } from './patient/MyProfile';
import { useI18n } from './i18n/I18n';
import { Link } from './routing/router';
import { Loading, Page } from './ui/States';

// The charting screens load their charts only when opened: most users never see them.
const Dashboard = lazy(() => import('./admin/Dashboard').then((module) => ({ default: module.Dashboard })));
const MyLabResults = lazy(() => import('./patient/MyLabResults').then((module) => ({ default: module.MyLabResults })));

/** The screen at `path` for a user with `roles`; the first place their roles lead to when the path is '/'. */
export function Screen({ path, roles }: { path: string; roles: readonly string[] }) {
  const { t } = useI18n();
  const places = destinationsFor(roles);
  const at = path === '/' ? places[0]?.path : path;
  const patient = roles.includes('PATIENT');
  const chart = /^\/patients\/([^/]+)$/.exec(at ?? '');
  if (chart && !patient) return <PatientChart patientId={decodeURIComponent(chart[1])} />;
  if (!at || !places.some((place) => place.path === at)) {
    return (
      <Page title={t('app.notHere')}>
        <p>
          {t('app.notHereText')}{' '}
          <Link href="/" className="underline">
            {t('app.goHome')}
          </Link>
        </p>
      </Page>
    );
  }
  switch (at) {
    case '/me':
      return <MyProfile />;
    case '/book':
      return <BookAppointment />;
    case '/appointments':
      return <MyAppointments />;
    case '/invoices':
      return patient ? <MyInvoices /> : <Invoices />;
    case '/lab-reports':
      return <LabReportUpload />;
    case '/lab-results':
      return (
        <Suspense fallback={<Loading what={t('lab.loadingMine')} />}>
          <MyLabResults />
        </Suspense>
      );
    case '/schedule':
      return <TodaysSchedule />;
    case '/patients':
      return <Patients />;
    case '/lab-review':
      return <LabReview />;
    case '/fee-schedule':
      return <FeeSchedule />;
    case '/audit':
      return <AuditTrail />;
    default:
      return (
        <Suspense fallback={<Loading what={t('dashboard.loading')} />}>
          <Dashboard />
        </Suspense>
      );
  }
}
