import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { demoteHandledApiErrors } from './api/console-noise';
import { App } from './App';

demoteHandledApiErrors();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
