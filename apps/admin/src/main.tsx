import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { demoteHandledApiErrors } from './api/console-noise';
import { App } from './App';
import { createI18nProvider } from './i18n/i18n-provider';
import { earlyScreens } from './layout/lazy-screens';

demoteHandledApiErrors();

// The opening route's screens (fetched since the resources' modules ran) are there before the
// first render, so it does not suspend (layout/lazy-screens.ts).
void Promise.all([createI18nProvider(), earlyScreens()]).then(([i18nProvider]) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App i18nProvider={i18nProvider} />
    </StrictMode>,
  ),
);
