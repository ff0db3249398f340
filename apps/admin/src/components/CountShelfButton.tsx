import { useState } from 'react';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { Button, useTranslate } from 'react-admin';

/**
 * "Count" on a stock level: a dialog for the counted units and a note. The screen saves them
 * (museum or brand stock alike) and answers whether the dialog may close; the API refuses less
 * than what orders hold. Test ids: `<prefix>count-<variantId>`, `<prefix>on-hand-input`, `<prefix>on-hand-save`.
 */
export const CountShelfButton = ({
  variantId,
  onHand: current,
  reserved,
  busy,
  onSave,
  testIdPrefix = '',
}: {
  variantId: string;
  onHand: number;
  reserved: number;
  busy: boolean;
  onSave: (onHand: number, note: string | undefined) => Promise<boolean>;
  testIdPrefix?: string;
}) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [onHand, setOnHand] = useState('');
  const [note, setNote] = useState('');
  const valid = /^\d{1,9}$/.test(onHand.trim());
  const save = () =>
    void onSave(Number(onHand.trim()), note.trim() || undefined).then((done) => done && setOpen(false));
  return (
    <>
      <Button
        label="vitrine.stock.count"
        onClick={(e) => {
          e.stopPropagation();
          setOnHand(String(current));
          setOpen(true);
        }}
        data-testid={`${testIdPrefix}count-${variantId}`}
      >
        <EditIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()}>
        <DialogTitle>{translate('vitrine.stock.count_title')}</DialogTitle>
        <DialogContent
          sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important', minWidth: 360 }}
        >
          <Typography variant="body2" color="text.secondary">
            {translate('vitrine.stock.reserved_note', { reserved })}
          </Typography>
          <MuiTextField
            label={translate('resources.stockLevels.fields.onHand')}
            value={onHand}
            onChange={(e) => setOnHand(e.target.value)}
            error={!valid}
            helperText={valid ? ' ' : translate('vitrine.validation.whole_number')}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `${testIdPrefix}on-hand-input` } }}
          />
          <MuiTextField
            label={translate('vitrine.stock.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="ra.action.save"
            variant="contained"
            onClick={save}
            disabled={!valid || busy}
            data-testid={`${testIdPrefix}on-hand-save`}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
