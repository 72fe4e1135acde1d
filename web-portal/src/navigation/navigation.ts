import type { MessageKey } from '../i18n/messages';

/** The realm roles of the medicore realm, as they arrive in the token's realm_access.roles. */
export type Role = 'PATIENT' | 'DOCTOR' | 'BILLING' | 'ADMIN';

export interface Destination {
  path: string;
  label: MessageKey;
}

const DESTINATIONS: Record<Role, Destination[]> = {
  PATIENT: [
    { path: '/me', label: 'nav.me' },
    { path: '/book', label: 'nav.book' },
    { path: '/appointments', label: 'nav.appointments' },
    { path: '/invoices', label: 'nav.myInvoices' },
    { path: '/lab-reports', label: 'nav.labReports' },
    { path: '/lab-results', label: 'nav.labResults' },
    { path: '/messages', label: 'nav.messages' },
  ],
  DOCTOR: [
    { path: '/schedule', label: 'nav.schedule' },
    { path: '/patients', label: 'nav.patients' },
    { path: '/lab-review', label: 'nav.labReview' },
  ],
  BILLING: [
    { path: '/invoices', label: 'nav.invoices' },
    { path: '/fee-schedule', label: 'nav.feeSchedule' },
  ],
  ADMIN: [
    { path: '/dashboard', label: 'nav.dashboard' },
    { path: '/patients', label: 'nav.patients' },
    { path: '/invoices', label: 'nav.invoices' },
    { path: '/lab-review', label: 'nav.labReview' },
    { path: '/erasure-requests', label: 'nav.erasureRequests' },
    { path: '/audit', label: 'nav.audit' },
  ],
};

/** Where a user may go: the union over their roles, each place once, in role order. */
export function destinationsFor(roles: readonly string[]): Destination[] {
  const seen = new Set<string>();
  return (Object.keys(DESTINATIONS) as Role[])
    .filter((role) => roles.includes(role))
    .flatMap((role) => DESTINATIONS[role])
    .filter((destination) => !seen.has(destination.path) && seen.add(destination.path) !== undefined);
}
