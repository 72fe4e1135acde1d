import { lazy, Suspense } from 'react';
import { destinationsFor } from './navigation/navigation';
import { useI18n } from './i18n/I18n';
import { Link } from './routing/router';
import { Loading, Page } from './ui/States';

// Each screen's code is fetched when it first opens: a newcomer or a patient never loads the
// charts, nor the doctors', billing's and admins' screens.
const MyProfile = lazy(() => import('./patient/MyProfile').then((module) => ({ default: module.MyProfile })));
const BookAppointment = lazy(() => import('./patient/BookAppointment').then((module) => ({ default: module.BookAppointment })));
const MyAppointments = lazy(() => import('./patient/MyAppointments').then((module) => ({ default: module.MyAppointments })));
const MyInvoices = lazy(() => import('./patient/MyInvoices').then((module) => ({ default: module.MyInvoices })));
const LabReportUpload = lazy(() => import('./patient/LabReportUpload').then((module) => ({ default: module.LabReportUpload })));
const MyLabResults = lazy(() => import('./patient/MyLabResults').then((module) => ({ default: module.MyLabResults })));
const MyMessages = lazy(() => import('./patient/Messages').then((module) => ({ default: module.MyMessages })));
const TodaysSchedule = lazy(() => import('./doctor/TodaysSchedule').then((module) => ({ default: module.TodaysSchedule })));
const Patients = lazy(() => import('./doctor/Patients').then((module) => ({ default: module.Patients })));
const PatientChart = lazy(() => import('./doctor/PatientChart').then((module) => ({ default: module.PatientChart })));
const LabReview = lazy(() => import('./doctor/LabReview').then((module) => ({ default: module.LabReview })));
const Invoices = lazy(() => import('./billing/Invoices').then((module) => ({ default: module.Invoices })));
const FeeSchedule = lazy(() => import('./billing/FeeSchedule').then((module) => ({ default: module.FeeSchedule })));
const Dashboard = lazy(() => import('./admin/Dashboard').then((module) => ({ default: module.Dashboard })));
const ErasureRequests = lazy(() => import('./admin/ErasureRequests').then((module) => ({ default: module.ErasureRequests })));
const AuditTrail = lazy(() => import('./admin/AuditTrail').then((module) => ({ default: module.AuditTrail })));

/** The screen at `path` for a user with `roles`; the first place their roles lead to when the path is '/'. */
export function Screen({ path, roles }: { path: string; roles: readonly string[] }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading what={t('app.loadingScreen')} />}>
      <ScreenAt path={path} roles={roles} />
    </Suspense>
  );
}

function ScreenAt({ path, roles }: { path: string; roles: readonly string[] }) {
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
      return <MyLabResults />;
    case '/messages':
      return <MyMessages />;
    case '/schedule':
      return <TodaysSchedule />;
    case '/patients':
      return <Patients />;
    case '/lab-review':
      return <LabReview />;
    case '/fee-schedule':
      return <FeeSchedule />;
    case '/erasure-requests':
      return <ErasureRequests />;
    case '/audit':
      return <AuditTrail />;
    default:
      return <Dashboard />;
  }
}
