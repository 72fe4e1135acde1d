import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { Link } from '../routing/router';
import { destinationsFor } from './navigation';

interface NavigationProps {
  roles: readonly string[];
}

/** The places the user's roles lead to; on a phone folded behind one Menu button, each target at least 44 px high. */
export function Navigation({ roles }: NavigationProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const destinations = destinationsFor(roles);
  if (destinations.length === 0) {
    return <p role="status">{t('app.noRole')}</p>;
  }
  return (
    <nav aria-label={t('nav.main')}>
      <button
        type="button"
        className="min-h-11 rounded border border-slate-400 px-3 sm:hidden"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen(!open)}
      >
        {t('app.menu')}
      </button>
      <ul id="main-menu" className={`${open ? 'flex' : 'hidden'} flex-col sm:flex sm:flex-row sm:flex-wrap sm:gap-4`}>
        {destinations.map((destination) => (
          <li key={destination.path}>
            <Link
              className="flex min-h-11 items-center underline-offset-4 hover:underline focus:outline-2 sm:min-h-0"
              href={destination.path}
              onClick={() => setOpen(false)}
            >
              {t(destination.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
