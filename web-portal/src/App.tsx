import { useEffect, useMemo, useRef, useState } from 'react';
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
  const [ended, setEnded] = useState(false);
  // The client and its live subscriptions outlive a token renewal: each request reads the newest
  // token, and renews or ends the session through the newest auth state.
  const newestAuth = useRef(auth);
  newestAuth.current = auth;
  const client = useMemo(
    () =>
      apiClient(config.graphqlUrl, {
        token: () => newestAuth.current.user?.access_token,
        renew: async () => {
          if (!(await newestAuth.current.signinSilent())) throw new Error('the session could not be renewed');
        },
        ended: () => {
          setEnded(true);
          void newestAuth.current.removeUser();
        },
      }),
    [config.graphqlUrl],
  );
  // A session stored earlier (in this or another tab) may have expired meanwhile: one silent
  // renewal, and if that is refused the person is told, not left on Welcome without a word.
  const expiredAtStart = !auth.isLoading && !!auth.user?.expired;
  useEffect(() => {
    if (!expiredAtStart) return;
    newestAuth.current.signinSilent().catch(() => {
      setEnded(true);
      void newestAuth.current.removeUser();
    });
  }, [expiredAtStart]);
  // Signed in again (here or in another tab): the session goes on.
  const fresh = !!token && !auth.user?.expired;
  useEffect(() => {
    if (fresh) setEnded(false);
  }, [fresh, token]);
  const signIn = () => {
    rememberWhereToReturn();
    setEnded(false);
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
  } else if (!auth.isAuthenticated || ended) {
    main = (
      <Page title={ended ? 'Your session has ended' : 'Welcome to MediCore'}>
        <Problem>{ended ? 'Your session has ended: sign in again. You will come back to this page.' : auth.error && 'Signing in did not work. Try again.'}</Problem>
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
          {auth.isAuthenticated && !ended && (
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
