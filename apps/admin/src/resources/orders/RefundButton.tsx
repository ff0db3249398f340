import { useState } from 'react';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField as MuiTextField } from '@mui/material';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Money } from '../../components/Money';
import { REFUNDABLE, refundOrder, type OrderRecord } from './orders.data';

/** A full refund through Stripe, offered only in the states the API accepts it from. */
export const RefundButton = () => {
  const order = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!order || !REFUNDABLE.includes(order.status)) return null;

  const submit = () => {
    setBusy(true);
    refundOrder(String(order.id), reason.trim())
      .then((r) => {
        notify('vitrine.orders.refund_requested', { type: 'success', messageArgs: { status: r.refundStatus } });
        setOpen(false);
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button label="vitrine.orders.refund" onClick={() => setOpen(true)} data-testid="order-refund">
        <CurrencyExchangeIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('vitrine.orders.refund_title', { number: order.number })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {translate('vitrine.orders.refund_help')} <Money amount={order.total} currency={order.currency} />
          </DialogContentText>
          <MuiTextField
            autoFocus
            fullWidth
            required
            label={translate('vitrine.orders.refund_reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'refund-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button label="vitrine.orders.refund_confirm" onClick={submit} disabled={busy || !reason.trim()} variant="contained" data-testid="refund-confirm" />
        </DialogActions>
      </Dialog>
    </>
  );
};
