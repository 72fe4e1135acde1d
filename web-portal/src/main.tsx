import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from 'react-oidc-context';
import './index.css';
import { App } from './App';
import { LanguageProvider } from './i18n/I18n';
import { oidcSettings } from './auth/oidc';
import { loadConfig } from './config';

const origin = window.location.origin;
void loadConfig(origin).then((config) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LanguageProvider>
        <AuthProvider {...oidcSettings(config, origin)}>
          <App config={config} />
        </AuthProvider>
      </LanguageProvider>
    </StrictMode>,
  ),
);
