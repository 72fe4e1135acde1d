import { Link } from '../routing/router';
import { destinationsFor } from './navigation';

interface NavigationProps {
  roles: readonly string[];
}

export function Navigation({ roles }: NavigationProps) {
  const destinations = destinationsFor(roles);
  if (destinations.length === 0) {
    return <p role="status">Your account has no MediCore role yet. Ask the clinic to grant one.</p>;
  }
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-4">
        {destinations.map((destination) => (
          <li key={destination.path}>
            <Link className="underline-offset-4 hover:underline focus:outline-2" href={destination.path}>
              {destination.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
