import type { ReactNode } from 'react';
import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useCurrentMuseumId } from './current-museum';

/** Screens scoped to one museum ask an operator to pick one first. */
export const RequireMuseum = ({ children }: { children: ReactNode }) => {
  const museumId = useCurrentMuseumId();
  const translate = useTranslate();
  if (!museumId) {
    return (
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('vitrine.museum.choose_first')}
      </Alert>
    );
  }
  return <>{children}</>;
};
