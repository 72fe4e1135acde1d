import { useMemo, useRef } from 'react';
import { useAuth } from 'react-oidc-context';
import { Provider } from 'urql';
import { apiClient } from './api/client';
import { rememberWhereToReturn } from './auth/oidc';
import { realmRoles } from './auth/roles';
import { SessionContext } from './auth/session';
import type { PortalConfig } from './config';
import { Navigation } from './navigation/Navigation';
import { navigate, usePath } from './routing/router';
import { Screen } from './Screen';
import { SignUp } from './patient/SignUp';
import { ScreenFailure } from './ui/ScreenFailure';
import { Loading, Page, Problem, buttonClass, quietButtonClass } from './ui/States';

/** Signs the user in (or lets a new patient sign up), then shows the screens their roles lead to. */
export function App({ config }: { config: PortalConfig }) {
  const auth = useAuth();
  const path = usePath();
  const token = auth.user?.access_token;
  // The client and its live subscriptions outlive a token renewal: each request reads the newest token.
  const newestToken = useRef(token);
  newestToken.current = token;
  const client = useMemo(() => apiClient(config.graphqlUrl, () => newestToken.current), [config.graphqlUrl]);
  const signIn = () => {
    rememberWhereToReturn();
    void auth.signinRedirect();
  };
  const roles = realmRoles(token);

  let main;
  if (auth.isLoading) {
    main = <Loading what="your session" />;
  } else if (!auth.isAuthenticated && path === '/sign-up') {
    main = (
      <SignUp
        onSignIn={() => {
          navigate('/');
          signIn();
        }}
      />
    );
  } else if (!auth.isAuthenticated) {
    main = (
      <Page title="Welcome to MediCore">
        <Problem>{auth.error && `Signing in did not work: ${auth.error.message}`}</Problem>
        <div className="flex flex-wrap gap-3">
          <button type="button" className={buttonClass} onClick={signIn}>
            Sign in
          </button>
          <button type="button" className={quietButtonClass} onClick={() => navigate('/sign-up')}>
            New patient? Sign up
          </button>
        </div>
      </Page>
    );
  } else {
    main = (
      <ScreenFailure key={path}>
        <Screen path={path} roles={roles} />
      </ScreenFailure>
    );
  }

  return (
    <Provider value={client}>
      <SessionContext.Provider value={{ subject: auth.user?.profile.sub ?? '', roles }}>
        <header className="flex flex-col gap-2 bg-white p-4 shadow sm:flex-row sm:items-center sm:justify-between">
          <h1 className="text-xl font-semibold">MediCore</h1>
          {auth.isAuthenticated && (
            <>
              <Navigation roles={roles} />
              <button type="button" className={quietButtonClass} onClick={() => void auth.signoutRedirect()}>
                Sign out {auth.user?.profile.given_name}
              </button>
            </>
          )}
        </header>
        <main>{main}</main>
      </SessionContext.Provider>
    </Provider>
  );
}
