import { useState } from 'react';
import {
  Alert,
  Box,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
} from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import {
  BooleanInput,
  Button,
  Datagrid,
  DateField,
  FunctionField,
  List,
  SelectInput,
  Show,
  TextField,
  TopToolbar,
  useGetOne,
  useLocale,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Row, Section, When } from '../../components/DetailParts';
import { Money } from '../../components/Money';
import { NotFound } from '../../components/NotFound';
import type { OrderRecord } from '../orders/orders.data';
import { RETURN_STATUSES, decideReturn, inspectReturn, markReturnReceived, refundReturn, type ReturnRecord, type ReturnStatus } from './returns.data';

const STATUS_COLORS: Record<ReturnStatus, 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  REQUESTED: 'info',
  ACCEPTED: 'warning',
  REFUSED: 'default',
  INSPECTED: 'warning',
  REFUNDED: 'success',
};
const CUSTOMS_COLORS: Record<ReturnRecord['customsStatus'], 'default' | 'info' | 'success' | 'error'> = { NOT_DECLARED: 'default', DECLARED: 'info', ACCEPTED: 'success', REJECTED: 'error' };

const STATUS_CHOICES = RETURN_STATUSES.map((id) => ({ id, name: `vitrine.returns.status.${id}` }));

const filters = [
  <SelectInput key="status" source="status" label="resources.returns.fields.status" choices={STATUS_CHOICES} alwaysOn />,
  <BooleanInput key="late" source="late" label="vitrine.returns.late_filter" alwaysOn />,
];

const ReturnStatusChip = (_: { label?: string }) => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  if (!r) return null;
  return <Chip size="small" color={STATUS_COLORS[r.status]} label={translate(`vitrine.returns.status.${r.status}`)} data-testid="return-status" />;
};

const CustomsChip = (_: { label?: string }) => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  if (!r) return null;
  return <Chip size="small" variant="outlined" color={CUSTOMS_COLORS[r.customsStatus]} label={translate(`vitrine.returns.customs.${r.customsStatus}`)} data-testid="return-customs" />;
};

const LateChip = () => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  return r?.late ? <Chip size="small" color="error" label={translate('vitrine.returns.late')} data-testid="return-late" /> : null;
};

export const ReturnList = () => (
  <List filters={filters} empty={false} perPage={25} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="orderNumber" label="resources.returns.fields.orderNumber" sortable={false} />
      <DateField source="createdAt" label="resources.returns.fields.createdAt" showTime sortable={false} />
      <FunctionField<ReturnRecord> label="resources.returns.fields.reason" render={(r) => <Reason value={r.reason} />} />
      <ReturnStatusChip label="resources.returns.fields.status" />
      <CustomsChip label="resources.returns.fields.customsStatus" />
      <FunctionField<ReturnRecord>
        label="resources.returns.fields.arrivalDeadline"
        render={(r) => (
          <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
            <DateField record={r} source="arrivalDeadline" />
            <LateChip />
          </Box>
        )}
      />
      <FunctionField<ReturnRecord> label="resources.returns.fields.units" render={(r) => r.lines.reduce((n, l) => n + l.quantity, 0)} />
    </Datagrid>
  </List>
);

const Reason = ({ value }: { value: string }) => {
  const translate = useTranslate();
  return <span>{translate(`vitrine.returns.reason.${value}`, { _: value })}</span>;
};

/** Where the console shows the order: a brand partner reads the orders it ships, a museum its orders. */
function useOrderResource(): 'orders' | 'brandOrders' {
  const { permissions } = usePermissions<string>();
  return permissions === 'BRAND_PARTNER' ? 'brandOrders' : 'orders';
}

/** The order returned (its lines' SKUs and names), read once for the page. */
function useOrderOf(r: ReturnRecord | undefined) {
  const resource = useOrderResource();
  return useGetOne<Pick<OrderRecord, 'id' | 'lines'> & { currency?: string }>(resource, { id: r?.orderId ?? '' }, { enabled: !!r?.orderId }).data;
}

const Facts = () => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  const order = useOrderOf(r);
  const resource = useOrderResource();
  if (!r) return null;
  return (
    <Section title="vitrine.returns.facts" testId="return-facts">
      <Row label="resources.returns.fields.orderNumber">
        {/* A brand partner's order list has no order page: the number alone. */}
        {resource === 'orders' ? (
          <Link href={`#/orders/${r.orderId}/show`} data-testid="return-order">
            {r.orderNumber}
          </Link>
        ) : (
          <span data-testid="return-order">{r.orderNumber}</span>
        )}
      </Row>
      <Row label="resources.returns.fields.reason">
        <Reason value={r.reason} />
      </Row>
      <Row label="resources.returns.fields.note">{r.note || '—'}</Row>
      <Row label="resources.returns.fields.photos">
        {r.photos?.length ? (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} data-testid="return-photos">
            {r.photos.map((p) => (
              <Box key={p.id} component="img" src={p.url} alt={`#${p.position + 1}`} sx={{ width: 160, height: 160, objectFit: 'cover', borderRadius: 1, border: 1, borderColor: 'divider' }} />
            ))}
          </Box>
        ) : r.history?.some((e) => e.kind === 'PHOTOS_DELETED') ? (
          <span data-testid="return-photos-deleted">{translate('vitrine.returns.photos_deleted')}</span>
        ) : (
          '—'
        )}
      </Row>
      <Row label="resources.returns.fields.photoUrls">
        {r.photoUrls.length
          ? r.photoUrls.map((u, i) => (
              <Link key={u} href={u} target="_blank" rel="noreferrer" sx={{ mr: 1 }}>
                {`#${i + 1}`}
              </Link>
            ))
          : '—'}
      </Row>
      <Row label="resources.returns.fields.createdAt">
        <When at={r.createdAt} />
      </Row>
      <Row label="resources.returns.fields.releasedAt">
        <When at={r.releasedAt} />
      </Row>
      <Row label="resources.returns.fields.arrivalDeadline">
        <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
          <When at={r.arrivalDeadline} />
          <LateChip />
        </Box>
      </Row>
      <Row label="resources.returns.fields.customsStatus">
        <CustomsChip />
      </Row>
      <Row label="resources.returns.fields.returnLogisticsNo">
        <span data-testid="return-waybill">{r.returnLogisticsNo ?? '—'}</span>
      </Row>
      <Row label="resources.returns.fields.receivedAt">
        <span data-testid="return-received">
          <When at={r.receivedAt} />
        </span>
      </Row>
      <Row label="resources.returns.fields.decisionComment">{r.decisionComment ?? '—'}</Row>
      <Row label="resources.returns.fields.inspectionComment">{r.inspectionComment ?? '—'}</Row>
      <Row label="resources.returns.fields.refundAmount">
        <span data-testid="return-refund">{r.refundAmount == null ? '—' : <Money amount={r.refundAmount} currency={order?.currency ?? 'CNY'} />}</span>
      </Row>
    </Section>
  );
};

const Lines = () => {
  const r = useRecordContext<ReturnRecord>();
  const order = useOrderOf(r);
  const translate = useTranslate();
  if (!r) return null;
  const lineOf = new Map((order?.lines ?? []).map((l) => [l.id, l]));
  return (
    <Section title="vitrine.returns.lines" testId="return-lines">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.orders.lines.sku')}</TableCell>
            <TableCell>{translate('resources.orders.lines.name')}</TableCell>
            <TableCell align="right">{translate('vitrine.returns.units_bought')}</TableCell>
            <TableCell align="right">{translate('vitrine.returns.units_returned')}</TableCell>
            <TableCell align="right">{translate('vitrine.returns.units_accepted')}</TableCell>
            <TableCell>{translate('vitrine.returns.sellable')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {r.lines.map((l) => {
            const line = lineOf.get(l.lineId);
            return (
              <TableRow key={l.lineId}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{line?.sku ?? '…'}</TableCell>
                <TableCell>{line?.name ?? ''}</TableCell>
                <TableCell align="right">{line?.quantity ?? ''}</TableCell>
                <TableCell align="right">{l.quantity}</TableCell>
                <TableCell align="right">{l.acceptedQuantity ?? '—'}</TableCell>
                <TableCell>{l.sellable == null ? '—' : translate(l.sellable ? 'vitrine.returns.back_on_sale' : 'vitrine.returns.set_aside')}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Section>
  );
};

const History = () => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  if (!r?.history) return null;
  return (
    <Section title="vitrine.returns.history" testId="return-history">
      <Table size="small">
        <TableBody>
          {r.history.map((e, i) => (
            <TableRow key={`${e.at}-${i}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <When at={e.at} />
              </TableCell>
              <TableCell>{translate(`vitrine.returns.event.${e.kind}`, { _: e.kind })}</TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{e.detail}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
};

const LANGUAGES: Record<string, string> = { 'zh-CN': '中文', en: 'English', fr: 'Français' };

/** What the shopper was sent about this return: texts to a guest's phone, notices to an account, with their delivery. */
const ShopperMessages = () => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  if (!r?.shopperMessages) return null;
  const t = (key: string, fallback: string) => translate(`vitrine.returns.${key}`, { _: fallback });
  return (
    <Section title="vitrine.returns.messages" testId="return-messages">
      {r.shopperMessages.length === 0 ? (
        <Box sx={{ color: 'text.secondary' }}>{t('messages_none', 'Nothing sent to the shopper yet.')}</Box>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              {(['at', 'step', 'channel', 'to', 'language', 'status', 'content'] as const).map((c) => (
                <TableCell key={c}>{t(`message_col.${c}`, c)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {r.shopperMessages.map((m, i) => (
              <TableRow key={`${m.at}-${i}`} data-testid="return-message">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <When at={m.sentAt ?? m.at} />
                </TableCell>
                <TableCell>{translate(`vitrine.returns.event.${m.step}`, { _: m.step })}</TableCell>
                <TableCell>{t(`message_channel.${m.channel}`, m.channel)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{m.phoneMasked ?? '—'}</TableCell>
                <TableCell>{LANGUAGES[m.locale] ?? m.locale}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={m.status === 'SENT' || m.status === 'DELIVERED' || m.status === 'READ' ? 'success' : m.status === 'FAILED' || m.status === 'UNDELIVERABLE' ? 'error' : 'warning'}
                    label={t(`message_status.${m.status}`, m.status)}
                  />
                  {m.channel === 'SMS' && m.attempts > 1 ? <Box sx={{ fontSize: 12, color: 'text.secondary' }}>{translate('vitrine.returns.message_attempts', { smart_count: m.attempts })}</Box> : null}
                  {m.lastError && m.status !== 'SENT' ? <Box sx={{ fontSize: 12, color: 'error.main', overflowWrap: 'anywhere' }}>{m.lastError}</Box> : null}
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {m.content}
                  {m.template ? <Box sx={{ fontSize: 12, color: 'text.secondary' }}>{m.template}</Box> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
};

/** Accept (a return waybill is booked) or refuse a requested return; the comment is required either way. */
const DecideButtons = () => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [accept, setAccept] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  if (!r || r.status !== 'REQUESTED') return null;
  const submit = () => {
    setBusy(true);
    decideReturn(r.id, accept === true, comment.trim())
      .then((d) => {
        notify(d.status === 'ACCEPTED' ? 'vitrine.returns.accepted' : 'vitrine.returns.refused', { type: 'success' });
        setAccept(null);
        setComment('');
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button label="vitrine.returns.accept" onClick={() => setAccept(true)} data-testid="return-accept">
        <CheckIcon />
      </Button>
      <Button label="vitrine.returns.refuse" onClick={() => setAccept(false)} data-testid="return-refuse">
        <CloseIcon />
      </Button>
      <Dialog open={accept !== null} onClose={() => !busy && setAccept(null)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(accept ? 'vitrine.returns.accept_title' : 'vitrine.returns.refuse_title', { number: r.orderNumber })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(accept ? 'vitrine.returns.accept_help' : 'vitrine.returns.refuse_help')}</DialogContentText>
          <MuiTextField
            fullWidth
            required
            multiline
            minRows={2}
            label={translate(accept ? 'vitrine.returns.comment' : 'vitrine.returns.refusal_reason')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'return-comment' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setAccept(null)} disabled={busy} />
          <Button
            label={accept ? 'vitrine.returns.accept' : 'vitrine.returns.refuse'}
            onClick={submit}
            disabled={busy || !comment.trim()}
            variant="contained"
            color={accept ? 'primary' : 'error'}
            data-testid="return-decide-confirm"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The parcel is back: units accepted per line (restocked on sale or set aside) and refunded. */
const InspectButton = () => {
  const r = useRecordContext<ReturnRecord>();
  const order = useOrderOf(r);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [accepted, setAccepted] = useState<Record<string, string>>({});
  const [sellable, setSellable] = useState<Record<string, boolean>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  // Inspection waits for the parcel: arrived by the carrier's tracking, or marked received.
  if (!r || r.status !== 'ACCEPTED' || !r.receivedAt) return null;
  const lineOf = new Map((order?.lines ?? []).map((l) => [l.id, l]));
  const qty = (lineId: string, max: number) => (accepted[lineId] ?? String(max)).trim();
  const invalid = r.lines.some((l) => !/^\d+$/.test(qty(l.lineId, l.quantity)) || Number(qty(l.lineId, l.quantity)) > l.quantity);
  const submit = () => {
    setBusy(true);
    inspectReturn(
      r.id,
      comment.trim(),
      r.lines.map((l) => ({ lineId: l.lineId, acceptedQuantity: Number(qty(l.lineId, l.quantity)), sellable: sellable[l.lineId] ?? true })),
    )
      .then((d) => {
        notify(d.status === 'REFUNDED' ? 'vitrine.returns.inspected_refunded' : 'vitrine.returns.inspected_refund_failed', { type: d.status === 'REFUNDED' ? 'success' : 'warning' });
        setOpen(false);
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button label="vitrine.returns.inspect" onClick={() => setOpen(true)} data-testid="return-inspect">
        <FactCheckIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('vitrine.returns.inspect_title', { number: r.orderNumber })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>{translate('vitrine.returns.inspect_help')}</DialogContentText>
          <Table size="small" sx={{ mb: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.orders.lines.sku')}</TableCell>
                <TableCell>{translate('resources.orders.lines.name')}</TableCell>
                <TableCell align="right">{translate('vitrine.returns.units_returned')}</TableCell>
                <TableCell align="right">{translate('vitrine.returns.units_accepted')}</TableCell>
                <TableCell>{translate('vitrine.returns.back_on_sale')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {r.lines.map((l) => {
                const line = lineOf.get(l.lineId);
                const text = qty(l.lineId, l.quantity);
                return (
                  <TableRow key={l.lineId}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{line?.sku ?? '…'}</TableCell>
                    <TableCell>{line?.name ?? ''}</TableCell>
                    <TableCell align="right">{l.quantity}</TableCell>
                    <TableCell align="right" sx={{ width: 110 }}>
                      <MuiTextField
                        size="small"
                        value={text}
                        onChange={(e) => setAccepted((a) => ({ ...a, [l.lineId]: e.target.value }))}
                        error={!/^\d+$/.test(text) || Number(text) > l.quantity}
                        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `inspect-accepted-${line?.sku ?? l.lineId}` } }}
                      />
                    </TableCell>
                    <TableCell>
                      <Checkbox
                        checked={sellable[l.lineId] ?? true}
                        onChange={(e) => setSellable((s) => ({ ...s, [l.lineId]: e.target.checked }))}
                        slotProps={{ input: { 'aria-label': translate('vitrine.returns.back_on_sale') } }}
                        data-testid={`inspect-sellable-${line?.sku ?? l.lineId}`}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <MuiTextField
            fullWidth
            multiline
            minRows={2}
            label={translate('vitrine.returns.inspection_comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'inspect-comment' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
          <Button label="vitrine.returns.inspect_confirm" onClick={submit} disabled={busy || invalid} variant="contained" data-testid="inspect-confirm" />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** An accepted return whose parcel the carrier has not reported arrived: the seller has it, and says so. */
const MarkReceivedButton = () => {
  const r = useRecordContext<ReturnRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!r || r.status !== 'ACCEPTED' || r.receivedAt) return null;
  const submit = () => {
    setBusy(true);
    markReturnReceived(r.id)
      .then(() => {
        notify('vitrine.returns.marked_received', { type: 'success' });
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button label="vitrine.returns.mark_received" onClick={submit} disabled={busy} data-testid="return-mark-received">
      <MoveToInboxIcon />
    </Button>
  );
};

const AwaitingParcel = () => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  if (r?.status !== 'ACCEPTED' || r.receivedAt) return null;
  return (
    <Alert severity="info" data-testid="return-awaiting-parcel">
      {translate('vitrine.returns.awaiting_parcel')}
    </Alert>
  );
};

/** Whether the return's refund is still owed: inspected and not refunded, or refunded and then reported failed by Stripe. */
// The last step that says how the refund went (the photos' deletion may follow it).
const refundOwed = (r: ReturnRecord | undefined) => !!r && (r.status === 'INSPECTED' || (r.status === 'REFUNDED' && r.history?.filter((e) => e.kind !== 'PHOTOS_DELETED').at(-1)?.kind === 'REFUND_FAILED'));

/** A return whose refund Stripe did not make (or later reported failed): ask again. */
const RefundAgainButton = () => {
  const r = useRecordContext<ReturnRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!r || !refundOwed(r)) return null;
  const submit = () => {
    setBusy(true);
    refundReturn(r.id)
      .then((d) => {
        notify(d.status === 'REFUNDED' ? 'vitrine.returns.refunded' : 'vitrine.returns.inspected_refund_failed', { type: d.status === 'REFUNDED' ? 'success' : 'warning' });
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button label="vitrine.returns.refund_again" onClick={submit} disabled={busy} data-testid="return-refund-again">
      <CurrencyExchangeIcon />
    </Button>
  );
};

const RefundPendingAlert = () => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  if (!refundOwed(r)) return null;
  return (
    <Alert severity="warning" data-testid="return-refund-pending">
      {translate('vitrine.returns.refund_pending')}
    </Alert>
  );
};

const ShowActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <ReturnStatusChip />
    <DecideButtons />
    <MarkReceivedButton />
    <InspectButton />
    <RefundAgainButton />
  </TopToolbar>
);

const ReturnTitle = () => {
  const r = useRecordContext<ReturnRecord>();
  const translate = useTranslate();
  return <span>{translate('vitrine.returns.title', { number: r?.orderNumber ?? '' })}</span>;
};

export const ReturnShow = () => (
  <Show queryOptions={{ meta: { locale: useLocale() } }} actions={<ShowActions />} error={<NotFound />} title={<ReturnTitle />} sx={{ minWidth: 0, '& .RaShow-main, & .RaShow-card': { minWidth: 0 } }}>
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, p: 2 }} data-testid="return-show">
      <RefundPendingAlert />
      <AwaitingParcel />
      <Lines />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Facts />
        <History />
      </Box>
      <ShopperMessages />
    </Box>
  </Show>
);
