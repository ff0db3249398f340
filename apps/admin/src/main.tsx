import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { demoteHandledApiErrors } from './api/console-noise';
import { App } from './App';
import { createI18nProvider } from './i18n/i18n-provider';

demoteHandledApiErrors();

void createI18nProvider().then((i18nProvider) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App i18nProvider={i18nProvider} />
    </StrictMode>,
  ),
);
