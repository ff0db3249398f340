import { useState } from 'react';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Money } from '../../components/Money';
import { REFUNDABLE, refundOrder, type OrderRecord } from './orders.data';

/**
 * A refund through Stripe, offered only in the states the API accepts it from: what is
 * left of the order, or some units of some lines (their landed price, as the API computes).
 */
export const RefundButton = () => {
  const order = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<'whole' | 'lines'>('whole');
  const [units, setUnits] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // One idempotency key per opening of the dialog: a double click, a retry after a timeout or
  // a second tab's identical submit replays the same refund instead of refunding twice.
  const [idempotencyKey, setIdempotencyKey] = useState('');
  if (!order || !REFUNDABLE.includes(order.status)) return null;
  const remaining = order.total - (order.refundedTotal ?? 0);
  if (remaining <= 0) return null;
  const lines = order.lines ?? [];

  const chosen = lines
    .map((l) => ({ line: l, quantity: Number(units[l.id] ?? '0') }))
    .filter((c) => Number.isInteger(c.quantity) && c.quantity > 0);
  const invalid = lines.some((l) => {
    const text = (units[l.id] ?? '').trim();
    if (!text) return false;
    const n = Number(text);
    return !/^\d+$/.test(text) || n > l.quantity;
  });
  const amount =
    mode === 'whole' ? remaining : Math.min(remaining, chosen.reduce((sum, c) => sum + Math.round((c.line.total * c.quantity) / c.line.quantity), 0));
  const ready = !!reason.trim() && !busy && !invalid && amount > 0;

  const show = () => {
    setIdempotencyKey(crypto.randomUUID());
    setOpen(true);
  };
  const submit = () => {
    setBusy(true);
    refundOrder(String(order.id), reason.trim(), mode === 'lines' ? chosen.map((c) => ({ lineId: c.line.id, quantity: c.quantity })) : undefined, idempotencyKey)
      .then((r) => {
        notify('vitrine.orders.refund_requested', { type: 'success', messageArgs: { status: r.refundStatus } });
        setOpen(false);
        setUnits({});
        setReason('');
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button label="vitrine.orders.refund" onClick={show} data-testid="order-refund">
        <CurrencyExchangeIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('vitrine.orders.refund_title', { number: order.number })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>
            {translate('vitrine.orders.refund_help')} <Money amount={remaining} currency={order.currency} />
          </DialogContentText>
          <RadioGroup row value={mode} onChange={(e) => setMode(e.target.value as 'whole' | 'lines')}>
            <FormControlLabel value="whole" control={<Radio />} label={translate('vitrine.orders.refund_whole')} data-testid="refund-whole" />
            <FormControlLabel value="lines" control={<Radio />} label={translate('vitrine.orders.refund_lines')} data-testid="refund-lines" disabled={!lines.length} />
          </RadioGroup>
          {mode === 'lines' && (
            <Table size="small" sx={{ mb: 2 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.orders.lines.sku')}</TableCell>
                  <TableCell>{translate('resources.orders.lines.name')}</TableCell>
                  <TableCell align="right">{translate('resources.orders.lines.quantity')}</TableCell>
                  <TableCell align="right">{translate('resources.orders.lines.total')}</TableCell>
                  <TableCell align="right">{translate('vitrine.orders.refund_units')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {lines.map((l) => (
                  <TableRow key={l.id}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{l.sku}</TableCell>
                    <TableCell>{l.name}</TableCell>
                    <TableCell align="right">{l.quantity}</TableCell>
                    <TableCell align="right">
                      <Money amount={l.total} currency={order.currency} />
                    </TableCell>
                    <TableCell align="right" sx={{ width: 110 }}>
                      <MuiTextField
                        size="small"
                        value={units[l.id] ?? ''}
                        placeholder="0"
                        onChange={(e) => setUnits((u) => ({ ...u, [l.id]: e.target.value }))}
                        error={!!(units[l.id] ?? '').trim() && (!/^\d+$/.test((units[l.id] ?? '').trim()) || Number(units[l.id]) > l.quantity)}
                        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `refund-units-${l.sku}` } }}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="refund-amount">
            {translate('vitrine.orders.refund_amount')} <strong><Money amount={amount} currency={order.currency} /></strong>
          </Typography>
          <RefundReasonField value={reason} onChange={setReason} testId="refund-reason" />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button label="vitrine.orders.refund_confirm" onClick={submit} disabled={!ready} variant="contained" data-testid="refund-confirm" />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The reason a refund is given (required, at most 200 characters: refundOrder's own bounds). */
export const RefundReasonField = ({ value, onChange, testId }: { value: string; onChange: (reason: string) => void; testId: string }) => {
  const translate = useTranslate();
  return (
    <MuiTextField
      fullWidth
      required
      label={translate('vitrine.orders.refund_reason')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: { maxLength: 200, 'data-testid': testId } }}
    />
  );
};
