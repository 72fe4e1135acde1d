import { DEMO_CLINIC_ZONE, knownZone } from './ui/time';

/**
 * Where the portal finds the BFF and Keycloak, and the clinic's time zone (IANA) it shows times in;
 * the server that hands out the portal may say so in /config.json.
 */
export interface PortalConfig {
  graphqlUrl: string;
  keycloakUrl: string;
  realm: string;
  clientId: string;
  clinicTimeZone: string;
}

export function defaultConfig(origin: string): PortalConfig {
  return {
    graphqlUrl: `${origin}/graphql`,
    keycloakUrl: 'http://localhost:18080',
    realm: 'medicore',
    clientId: 'medicore-portal',
    clinicTimeZone: DEMO_CLINIC_ZONE,
  };
}

/**
 * A served clinic time zone no browser knows: the portal refuses to start rather than show every
 * time in a zone the clinic did not choose.
 */
export class UnknownClinicZone extends Error {
  constructor(readonly zone: string) {
    super(`/config.json names the clinic's time zone "${zone}", which is no IANA time zone (such as Europe/Berlin)`);
    this.name = 'UnknownClinicZone';
  }
}

/**
 * The served /config.json over the defaults; without one (vite dev, nginx) the BFF is on the
 * portal's own origin. A configuration that is there but wrong is refused (`UnknownClinicZone`).
 */
export async function loadConfig(origin: string): Promise<PortalConfig> {
  const defaults = defaultConfig(origin);
  let served: Partial<PortalConfig>;
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return defaults;
    served = (await response.json()) as Partial<PortalConfig>;
  } catch {
    return defaults;
  }
  return checked({ ...defaults, ...served });
}

function checked(config: PortalConfig): PortalConfig {
  const zone = knownZone(String(config.clinicTimeZone));
  if (!zone) throw new UnknownClinicZone(String(config.clinicTimeZone));
  return { ...config, clinicTimeZone: zone };
}
