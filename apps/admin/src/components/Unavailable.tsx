import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A part of a screen whose data the API does not offer yet: said plainly, never faked. */
export const Unavailable = ({ what }: { what: string }) => {
  const translate = useTranslate();
  return (
    <Alert severity="info" variant="outlined" data-testid="api-missing">
      {translate('vitrine.api_missing', { what: translate(what, { _: what }) })}
    </Alert>
  );
};
