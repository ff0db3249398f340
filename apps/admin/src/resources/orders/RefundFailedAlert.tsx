import { useState } from 'react';
import { Alert, AlertTitle, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatMoney } from '../../data/money';
import { refundOrder, type OrderRecord } from './orders.data';
import { RefundReasonField } from './RefundButton';

/**
 * A REFUNDED order whose refund Stripe reported failed or cancelled: the shopper is still
 * owed `refundOutstanding`. Shown above the order with "Refund again", which asks Stripe for
 * a new refund of exactly that amount (refundOrder without lines); the API refuses it once
 * nothing is owed, so the warning goes away with the refresh that follows.
 */
export const RefundFailedAlert = () => {
  const order = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  // One idempotency key per opening of the dialog (see RefundButton).
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const owed = order?.refundOutstanding;
  if (!order || !owed) return null;
  const amount = formatMoney(owed.amount, owed.currency, locale);

  const show = () => {
    setReason(translate('vitrine.orders.refund_again_reason'));
    setIdempotencyKey(crypto.randomUUID());
    setOpen(true);
  };
  const submit = () => {
    setBusy(true);
    refundOrder(String(order.id), reason.trim(), undefined, idempotencyKey)
      .then((r) => {
        notify('vitrine.orders.refund_again_done', { type: 'success', messageArgs: { status: r.refundStatus } });
        setOpen(false);
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Alert
        severity="error"
        variant="outlined"
        data-testid="refund-failed"
        action={<Button label="vitrine.orders.refund_again" onClick={show} variant="contained" color="error" sx={{ whiteSpace: 'nowrap' }} data-testid="refund-again"><ReplayIcon /></Button>}
      >
        <AlertTitle>{translate('vitrine.orders.refund_failed_title', { amount })}</AlertTitle>
        {translate('vitrine.orders.refund_failed_help')}
      </Alert>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('vitrine.orders.refund_again_title', { amount, number: order.number })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('vitrine.orders.refund_again_help', { amount })}</DialogContentText>
          <RefundReasonField value={reason} onChange={setReason} testId="refund-again-reason" />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button label="vitrine.orders.refund_again" onClick={submit} disabled={busy || !reason.trim()} variant="contained" data-testid="refund-again-confirm" />
        </DialogActions>
      </Dialog>
    </>
  );
};
