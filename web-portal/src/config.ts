/** Where the portal finds the BFF and Keycloak; the server that hands out the portal may say so in /config.json. */
export interface PortalConfig {
  graphqlUrl: string;
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export function defaultConfig(origin: string): PortalConfig {
  return {
    graphqlUrl: `${origin}/graphql`,
    keycloakUrl: 'http://localhost:18080',
    realm: 'medicore',
    clientId: 'medicore-portal',
  };
}

/** The served /config.json over the defaults; without one (vite dev, nginx) the BFF is on the portal's own origin. */
export async function loadConfig(origin: string): Promise<PortalConfig> {
  const defaults = defaultConfig(origin);
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return defaults;
    return { ...defaults, ...((await response.json()) as Partial<PortalConfig>) };
  } catch {
    return defaults;
  }
}
