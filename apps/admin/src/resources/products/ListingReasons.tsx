import { Alert, AlertTitle, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ListingReason } from '../../api/errors';

const ReasonItems = ({ reasons }: { reasons: ListingReason[] }) => {
  const translate = useTranslate();
  return (
    <List dense disablePadding>
      {reasons.map((r, i) => (
        <ListItem key={`${r.code}-${i}`} disableGutters>
          <ListItemText primary={translate(`vitrine.listing.${r.code}`, { _: r.message })} secondary={r.path ? `${r.message} (${r.path})` : r.message} />
        </ListItem>
      ))}
    </List>
  );
};

/** Why a product cannot be sold in China yet, shown before anyone tries to publish. */
export const ListingProblemsAlert = ({ reasons }: { reasons: ListingReason[] }) => {
  const translate = useTranslate();
  if (!reasons.length) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="listing-problems">
      <AlertTitle>{translate('vitrine.listing.title')}</AlertTitle>
      <ReasonItems reasons={reasons} />
    </Alert>
  );
};

/** The NOT_LISTABLE_FOR_CHINA answer of a publish, in words. */
export const ListingReasonsDialog = ({ reasons, onClose }: { reasons: ListingReason[] | null; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open={!!reasons} onClose={onClose} data-testid="listing-dialog">
      <DialogTitle>{translate('vitrine.errors.not_listable')}</DialogTitle>
      <DialogContent>
        <ReasonItems reasons={reasons ?? []} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
