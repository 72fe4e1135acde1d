/** The realm roles of the medicore realm, as they arrive in the token's realm_access.roles. */
export type Role = 'PATIENT' | 'DOCTOR' | 'BILLING' | 'ADMIN';

export interface Destination {
  path: string;
  label: string;
}

const DESTINATIONS: Record<Role, Destination[]> = {
  PATIENT: [
    { path: '/me', label: 'My profile' },
    { path: '/book', label: 'Book an appointment' },
    { path: '/appointments', label: 'My appointments' },
    { path: '/invoices', label: 'My invoices' },
    { path: '/lab-reports', label: 'Upload a lab report' },
    { path: '/lab-results', label: 'My lab results' },
  ],
  DOCTOR: [
    { path: '/schedule', label: "Today's schedule" },
    { path: '/patients', label: 'Patients' },
    { path: '/lab-review', label: 'Lab reports to review' },
  ],
  BILLING: [
    { path: '/invoices', label: 'Invoices' },
    { path: '/fee-schedule', label: 'Fee schedule' },
  ],
  ADMIN: [
    { path: '/dashboard', label: 'Dashboard' },
    { path: '/patients', label: 'Patients' },
    { path: '/invoices', label: 'Invoices' },
    { path: '/lab-review', label: 'Lab reports to review' },
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
