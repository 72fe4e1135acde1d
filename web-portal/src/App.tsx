import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { Provider } from 'urql';
import { apiClient } from './api/client';
import { rememberWhereToReturn } from './auth/oidc';
import { readableToken, realmRoles } from './auth/roles';
import { SessionContext } from './auth/session';
import { useI18n } from './i18n/I18n';
import { LanguageChoice } from './i18n/LanguageChoice';
import { ProfileLanguage } from './patient/ProfileLanguage';
import { SignUpConsent } from './patient/SignUpConsent';
import type { PortalConfig } from './config';
import { Navigation } from './navigation/Navigation';
import { navigate, usePath } from './routing/router';
import { Screen } from './Screen';
import { ClinicZoneNotice } from './ui/ClinicZone';
import { ScreenFailure } from './ui/ScreenFailure';
import { Loading, Page, Problem, buttonClass, quietButtonClass } from './ui/States';

// Only a newcomer who chooses to sign up fetches the sign-up form.
const SignUp = lazy(() => import('./patient/SignUp').then((module) => ({ default: module.SignUp })));

/** Signs the user in (or lets a new patient sign up), then shows the screens their roles lead to. */
export function App({ config }: { config: PortalConfig }) {
  const auth = useAuth();
  const { t } = useI18n();
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
  // A session stored earlier (in this or another tab) may have expired meanwhile, or hold a token
  // that is none at all (storage edited or cut short): one silent renewal, and if that is refused
  // the person is told, not left on Welcome without a word nor shown "no role" for an unreadable token.
  // react-oidc-context answers a refused renewal with null (it does not throw), and is loading
  // while it tries: one try per stored session, or the loading would start it again and again.
  const expiredAtStart = !auth.isLoading && !!auth.user && (!!auth.user.expired || !readableToken(token));
  const renewalTried = useRef(false);
  useEffect(() => {
    if (!expiredAtStart || renewalTried.current) return;
    renewalTried.current = true;
    void newestAuth.current.signinSilent().then((renewed) => {
      if (renewed) return;
      setEnded(true);
      void newestAuth.current.removeUser();
    });
  }, [expiredAtStart]);
  // Signed in again (here or in another tab): the session goes on.
  const fresh = !!token && !auth.user?.expired && readableToken(token);
  useEffect(() => {
    if (!fresh) return;
    setEnded(false);
    renewalTried.current = false;
  }, [fresh, token]);
  const signIn = () => {
    rememberWhereToReturn();
    setEnded(false);
    void auth.signinRedirect();
  };
  const roles = realmRoles(token);

  let main;
  if (auth.isLoading) {
    main = <Loading what={t('app.loadingSession')} />;
  } else if (!auth.isAuthenticated && path === '/sign-up') {
    main = (
      <Suspense fallback={<Loading what={t('app.loadingScreen')} />}>
        <SignUp
          onSignIn={() => {
            navigate('/');
            signIn();
          }}
        />
      </Suspense>
    );
  } else if (!auth.isAuthenticated || ended) {
    main = (
      <Page title={ended ? t('app.sessionEnded') : t('app.welcome')}>
        <Problem>{ended ? t('app.sessionEndedText') : auth.error && t('app.signInFailed')}</Problem>
        <div className="flex flex-wrap gap-3">
          <button type="button" className={buttonClass} onClick={signIn}>
            {t('app.signIn')}
          </button>
          <button type="button" className={quietButtonClass} onClick={() => navigate('/sign-up')}>
            {t('app.signUp')}
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
        <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
          {t('app.skip')}
        </a>
        <header className="flex flex-wrap items-center justify-between gap-2 bg-white px-4 py-2 shadow">
          <h1 className="text-xl font-semibold">{t('app.name')}</h1>
          <div className="flex flex-wrap items-center gap-2 sm:order-last">
            <LanguageChoice />
            {auth.isAuthenticated && !ended && (
              <button type="button" className={`${quietButtonClass} min-h-11`} onClick={() => void auth.signoutRedirect()}>
                {t('app.signOut', { name: auth.user?.profile.given_name ?? '' }).trim()}
              </button>
            )}
          </div>
          {auth.isAuthenticated && !ended && <Navigation roles={roles} />}
          {auth.isAuthenticated && !ended && roles.includes('PATIENT') && (
            <>
              <ProfileLanguage />
              <SignUpConsent />
            </>
          )}
          <ClinicZoneNotice />
        </header>
        <main id="content" tabIndex={-1}>
          {main}
        </main>
      </SessionContext.Provider>
    </Provider>
  );
}
