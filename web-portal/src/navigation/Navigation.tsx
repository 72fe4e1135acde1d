import { useI18n } from '../i18n/I18n';
import { Link } from '../routing/router';
import { destinationsFor } from './navigation';

interface NavigationProps {
  roles: readonly string[];
}

/**
 * The places the user's roles lead to. On a phone they stay one row that scrolls sideways (every
 * link still one tap and one Tab stop away, none hidden behind a menu), each target 44 px high.
 */
export function Navigation({ roles }: NavigationProps) {
  const { t } = useI18n();
  const destinations = destinationsFor(roles);
  if (destinations.length === 0) {
    return <p role="status">{t('app.noRole')}</p>;
  }
  return (
    <nav aria-label={t('nav.main')} className="w-full overflow-x-auto sm:w-auto">
      <ul className="flex gap-4 whitespace-nowrap sm:flex-wrap">
        {destinations.map((destination) => (
          <li key={destination.path}>
            <Link className="flex min-h-11 items-center underline-offset-4 hover:underline focus:outline-2" href={destination.path}>
              {t(destination.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
