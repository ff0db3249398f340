import { useState } from 'react';
import { Alert, Box, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField, Typography } from '@mui/material';
import GavelIcon from '@mui/icons-material/Gavel';
import { Button, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { Money } from '../../components/Money';
import { dateLocale } from '../../data/dates';
import { submitDisputeEvidence, type DisputeEvidence, type DisputeRecord, type OrderRecord } from './orders.data';

const STATUS_COLORS: Record<string, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  needs_response: 'error',
  warning_needs_response: 'error',
  under_review: 'info',
  warning_under_review: 'info',
  won: 'success',
  lost: 'error',
};

/** The file as base64, for the GraphQL input. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Days left before the evidence deadline, rounded down; negative once past. */
const daysLeft = (dueBy: string) => Math.floor((new Date(dueBy).getTime() - Date.now()) / 86_400_000);

/**
 * One dispute on the order: its status, this order's part of the amount (the charge paid the
 * whole checkout), Stripe's reason and the evidence deadline, and, while Stripe takes evidence,
 * the form that sends it (text and one file, uploaded to Stripe as dispute evidence).
 */
const DisputeRow = ({ order, dispute: d }: { order: OrderRecord; dispute: DisputeRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState({ productDescription: '', shippingCarrier: '', shippingTrackingNumber: '', uncategorizedText: '' });
  const [file, setFile] = useState<File | null>(null);
  const when = (at: string) => new Date(at).toLocaleString(dateLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
  const left = d.evidenceDueBy ? daysLeft(d.evidenceDueBy) : null;

  const submit = async () => {
    setBusy(true);
    try {
      const evidence: DisputeEvidence = Object.fromEntries(Object.entries(text).filter(([, v]) => v.trim()));
      if (file) evidence.files = [{ kind: 'RECEIPT', filename: file.name, contentType: file.type, contentBase64: await base64Of(file) }];
      await submitDisputeEvidence(d.id, evidence);
      notify('vitrine.disputes.submitted', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ pl: 1, py: 0.5, display: 'flex', flexDirection: 'column', gap: 0.5 }} data-testid="dispute-row">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" color={STATUS_COLORS[d.status] ?? 'default'} label={translate(`vitrine.disputes.status.${d.status}`, { _: d.status })} data-testid="dispute-status" />
        <Typography variant="body2">
          <Money amount={d.amount} currency={d.currency} />
          {d.disputedTotal !== d.amount && (
            <Typography component="span" variant="caption" color="text.secondary">
              {` ${translate('vitrine.disputes.of_checkout')} `}
              <Money amount={d.disputedTotal} currency={d.currency} />
            </Typography>
          )}
          {' · '}
          {translate(`vitrine.disputes.reason.${d.reason}`, { _: d.reason })}
        </Typography>
      </Box>
      {d.evidenceDueBy && !d.evidenceSubmittedAt && (d.status === 'needs_response' || d.status === 'warning_needs_response') && (
        <Typography variant="body2" color={left !== null && left < 3 ? 'error' : undefined} data-testid="dispute-deadline">
          {translate(left !== null && left < 0 ? 'vitrine.disputes.deadline_passed' : 'vitrine.disputes.deadline', { date: when(d.evidenceDueBy), smart_count: Math.max(left ?? 0, 0) })}
        </Typography>
      )}
      {d.evidenceSubmittedAt && (
        <Typography variant="body2" color="text.secondary" data-testid="dispute-evidence-sent">
          {translate('vitrine.disputes.evidence_sent', { date: when(d.evidenceSubmittedAt) })}
        </Typography>
      )}
      {d.status === 'lost' && (
        <Typography variant="body2" color="error" data-testid="dispute-lost">
          {translate('vitrine.disputes.lost_amount')} <Money amount={d.lostAmount} currency={d.currency} />
        </Typography>
      )}
      {d.acceptsEvidence && (
        <Box>
          <Button label="vitrine.disputes.submit_evidence" variant="outlined" size="small" color="warning" onClick={() => setOpen(true)} data-testid="dispute-evidence-open">
            <GavelIcon />
          </Button>
        </Box>
      )}
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('vitrine.disputes.evidence_title', { number: order.number })}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <DialogContentText>{translate('vitrine.disputes.evidence_help', { date: d.evidenceDueBy ? when(d.evidenceDueBy) : '' })}</DialogContentText>
          {(['productDescription', 'shippingCarrier', 'shippingTrackingNumber', 'uncategorizedText'] as const).map((k) => (
            <TextField
              key={k}
              label={translate(`vitrine.disputes.fields.${k}`)}
              value={text[k]}
              onChange={(e) => setText({ ...text, [k]: e.target.value })}
              multiline={k === 'productDescription' || k === 'uncategorizedText'}
              minRows={k === 'uncategorizedText' ? 3 : 1}
              inputProps={{ 'data-testid': `evidence-${k}` }}
            />
          ))}
          <Box>
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {translate('vitrine.disputes.fields.receipt')}
            </Typography>
            <input type="file" accept="application/pdf,image/jpeg,image/png" data-testid="evidence-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Box>
          <Alert severity="info">{translate('vitrine.disputes.evidence_once')}</Alert>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button label="vitrine.disputes.send" variant="contained" onClick={() => void submit()} disabled={busy} data-testid="dispute-evidence-send" />
        </DialogActions>
      </Dialog>
    </Box>
  );
};

export const DisputeRows = ({ order }: { order: OrderRecord }) => {
  const translate = useTranslate();
  const disputes = order.disputes ?? [];
  if (!disputes.length)
    return (
      <Typography variant="body2" color="text.secondary" sx={{ pl: 1 }}>
        {translate('vitrine.orders.no_disputes')}
      </Typography>
    );
  return (
    <>
      {disputes.map((d) => (
        <DisputeRow key={d.id} order={order} dispute={d} />
      ))}
    </>
  );
};
