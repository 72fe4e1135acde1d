import { WebStorageStateStore } from 'oidc-client-ts';
import type { AuthProviderProps } from 'react-oidc-context';
import type { PortalConfig } from '../config';

/** Authorization Code with PKCE against the realm's public client; the user stays signed in per tab. */
export function oidcSettings(config: PortalConfig, origin: string): AuthProviderProps {
  return {
    authority: `${config.keycloakUrl}/realms/${config.realm}`,
    client_id: config.clientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    scope: 'openid profile email',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    onSigninCallback: () => {
      const back = sessionStorage.getItem('medicore.return-to') ?? '/';
      sessionStorage.removeItem('medicore.return-to');
      window.history.replaceState(null, '', back);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
  };
}

/** Sign-in goes through Keycloak and back to '/', so the page asked for is kept aside. */
export function rememberWhereToReturn() {
  sessionStorage.setItem('medicore.return-to', window.location.pathname);
}
