import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from 'react-oidc-context';
import './index.css';
import { App } from './App';
import { LanguageProvider } from './i18n/I18n';
import { oidcSettings } from './auth/oidc';
import { loadConfig, UnknownClinicZone } from './config';
import { ClinicZoneRefused } from './ui/ClinicZone';
import { setClinicZone } from './ui/time';

const origin = window.location.origin;
const render = (screen: ReactNode) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LanguageProvider>{screen}</LanguageProvider>
    </StrictMode>,
  );

loadConfig(origin).then(
  (config) => {
    setClinicZone(config.clinicTimeZone);
    render(
      <AuthProvider {...oidcSettings(config, origin)}>
        <App config={config} />
      </AuthProvider>,
    );
  },
  (refused: unknown) => {
    // Loud for whoever deploys (the console) and for whoever opens the page (the screen).
    console.error(refused);
    if (!(refused instanceof UnknownClinicZone)) throw refused;
    render(<ClinicZoneRefused zone={refused.zone} />);
  },
);
