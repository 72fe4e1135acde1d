import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AuthProviderProps } from 'react-oidc-context';
import type { PortalConfig } from '../config';

/**
 * Authorization Code with PKCE against the realm's public client. The session lives in
 * localStorage, so every tab of the browser shares it: a tab opened later is signed in, and a
 * sign-in, renewal or sign-out in one tab reaches the others through the storage event.
 */
export function oidcSettings(config: PortalConfig, origin: string): AuthProviderProps {
  const userManager = new UserManager({
    authority: `${config.keycloakUrl}/realms/${config.realm}`,
    client_id: config.clientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    scope: 'openid profile email',
    userStore: new WebStorageStateStore({ store: window.localStorage }),
  });
  shareAcrossTabs(userManager, window);
  return {
    userManager,
    onSigninCallback: () => {
      const back = sessionStorage.getItem('medicore.return-to') ?? '/';
      sessionStorage.removeItem('medicore.return-to');
      window.history.replaceState(null, '', back);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
  };
}

/** Another tab stored or removed the session: this tab takes it up or lets it go. */
export function shareAcrossTabs(userManager: UserManager, tab: Window) {
  const key = `oidc.user:${userManager.settings.authority}:${userManager.settings.client_id}`;
  tab.addEventListener('storage', (event) => {
    if (event.key !== key) return;
    if (event.newValue) void userManager.getUser(true);
    else void userManager.removeUser();
  });
}

/** Sign-in goes through Keycloak and back to '/', so the page asked for is kept aside (with its query). */
export function rememberWhereToReturn() {
  sessionStorage.setItem('medicore.return-to', window.location.pathname + window.location.search);
}
