import { useEffect, type ReactNode } from 'react';
import {
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  BooleanInput,
  Datagrid,
  DateField,
  DateInput,
  downloadCSV,
  ExportButton,
  type Exporter,
  SearchInput,
  FunctionField,
  List,
  SelectInput,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Section as DetailSection, Row as DetailRow, When } from '../../components/DetailParts';
import { Money } from '../../components/Money';
import { Thumbnail } from '../../components/Thumbnail';
import { NotFound } from '../../components/NotFound';
import { StatusChip } from '../../components/StatusChip';
import { decimalToPercent } from '../../data/money';
import { ATTRIBUTION_CHANNELS, EXPORT_VIEW, ORDER_STATUSES, canShip, type CustomsMessageRecord, type OrderRecord } from './orders.data';
import { RefundButton } from './RefundButton';
import { RefundFailedAlert } from './RefundFailedAlert';
import { DisputeRows } from './DisputePanel';
import { ShipButton } from './ShipButton';
import { SettlementSplit } from './SettlementSplit';

const STATUS_CHOICES = ORDER_STATUSES.map((id) => ({ id, name: `vitrine.status.${id}` }));

/** Order number or orderer/recipient name, searched by the API. */
function OrderSearchInput(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('vitrine.orders.search')} />;
}

const CHANNEL_CHOICES = ATTRIBUTION_CHANNELS.map((id) => ({ id, name: `vitrine.orders.channels.${id}` }));

// Everything is filtered and sorted by the API (museumOrders filter and sort).
const filters = [
  <OrderSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <DateInput key="createdFrom" source="createdFrom" label="vitrine.orders.created_from" alwaysOn />,
  <DateInput key="createdTo" source="createdTo" label="vitrine.orders.created_to" alwaysOn />,
  // Orders still owing the shopper after Stripe reported a refund failed: what the manager must act on.
  <BooleanInput key="refundFailed" source="refundFailed" label="vitrine.orders.refund_failed_filter" alwaysOn />,
  // Where orders came from: shelf labels' QR codes in the museum's shop, articles, livestreams.
  <SelectInput key="channel" source="channel" label="vitrine.orders.channel" choices={CHANNEL_CHOICES} alwaysOn />,
];

const OrdererField = (_: { label?: string }) => (
  <FunctionField<OrderRecord>
    render={(o) => (
      <span>
        {o.orderer.name} <Typography component="span" variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>{o.orderer.residentIdMasked}</Typography>
      </span>
    )}
  />
);

const TotalField = (_: { label?: string; source?: string; sortBy?: string }) => <FunctionField<OrderRecord> render={(o) => <Money amount={o.total} currency={o.currency} />} />;

// The CSV writer is only loaded when someone exports.
const exporter: Exporter<OrderRecord> = async (orders) => {
  const { ordersToCsv } = await import('./orders-csv');
  downloadCSV(ordersToCsv(orders), `orders-${new Date().toISOString().slice(0, 10)}`);
};

const ListActions = () => (
  <TopToolbar>
    {/* Every order the filters match (all pages, lines included), not the rows on screen. */}
    <ExportButton maxResults={10_000} meta={EXPORT_VIEW} />
  </TopToolbar>
);

export const OrderList = () => (
  <List filters={filters} actions={<ListActions />} exporter={exporter} empty={false} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" sortable={false} />
      <DateField source="createdAt" showTime />
      <StatusChip source="status" label="resources.orders.fields.status" sortable={false} />
      <FunctionField<OrderRecord> source="paymentStatus" sortable={false} render={(o) => <PaymentState value={o.paymentStatus} refundFailed={!!o.refundOutstanding} />} />
      <TextField source="customsMode" sortable={false} />
      <OrdererField label="resources.orders.fields.orderer" />
      <FunctionField<OrderRecord> label="resources.orders.fields.destination" render={(o) => `${o.recipient.province} ${o.recipient.city}`} />
      <TotalField label="resources.orders.fields.total" source="total" sortBy="total" />
    </Datagrid>
  </List>
);

const PaymentState = ({ value, refundFailed }: { value: string | null; refundFailed?: boolean }) => {
  const translate = useTranslate();
  if (!value) return <span>—</span>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, flexWrap: 'wrap' }}>
      <Chip size="small" variant="outlined" label={translate(`vitrine.payment.${value}`, { _: value })} data-testid="payment-status" />
      {refundFailed && <Chip size="small" color="error" label={translate('vitrine.orders.refund_failed_flag')} data-testid="refund-failed-flag" />}
    </Box>
  );
};

// The order page packs three columns into 1,280 px: narrower cards and labels than the default.
const Section = (props: { title: string; children: ReactNode; testId?: string }) => <DetailSection minWidth={300} {...props} />;
const Row = (props: { label: string; children: ReactNode }) => <DetailRow labelWidth={110} {...props} />;

/** A promotion's share taken off the goods, shown as a deduction (−¥12.00), or "—" without one. */
const Discount = ({ amount, currency }: { amount: number; currency: string }) =>
  amount ? (
    <Box component="span" sx={{ color: 'success.main', whiteSpace: 'nowrap' }}>
      −<Money amount={amount} currency={currency} />
    </Box>
  ) : (
    <>—</>
  );

/**
 * The order's lines: goods − discount (each line's share of the promotions, as allocated at
 * checkout) + freight + insurance + tax = total, per line and in the totals row.
 */
const Lines = () => {
  const o = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  if (!o?.lines) return null;
  const c = o.currency;
  const h = (k: string) => translate(`resources.orders.lines.${k}`);
  return (
    <Section title="vitrine.orders.lines" testId="order-lines">
      {/* Narrow cell padding so the eleven columns fit a 1,280 px window beside the menu; the SKU
          and HS code sit under the product's name (as columns of their own they pushed the
          page past 1,280 px once the discount column came). */}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" sx={{ '& .MuiTableCell-root': { px: 0.75 }, '& .MuiTableCell-root:first-of-type': { pl: 0 }, '& .MuiTableCell-root:last-of-type': { pr: 0 } }}>
          <TableHead>
            <TableRow>
              {['name', 'quantity', 'unitPrice', 'goods', 'discount', 'freight', 'insurance', 'dutiable', 'taxRate', 'tax', 'total'].map((k) => (
                <TableCell key={k} align={k === 'name' ? 'left' : 'right'}>
                  {h(k)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {o.lines.map((l) => (
              <TableRow key={l.id}>
                {/* Wide enough that a Chinese name does not wrap every few characters. */}
                <TableCell sx={{ minWidth: '14em' }}>
                  <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                    <Thumbnail url={l.imageUrl} alt={l.name} size={40} />
                    <Box>
                      <span>{l.name}</span>
                      <Typography variant="caption" color="text.secondary" display="block" sx={{ whiteSpace: 'nowrap' }}>
                        <Box component="span" sx={{ fontFamily: 'monospace' }}>{l.sku}</Box>
                        {' · '}
                        {h('hsCode')} <span data-testid="line-hs-code">{l.hsCode}</span>
                      </Typography>
                    </Box>
                  </Box>
                </TableCell>
                <TableCell align="right">{l.quantity}</TableCell>
                <TableCell align="right">
                  <Money amount={l.unitPrice} currency={c} />
                  <Typography variant="caption" color="text.secondary" display="block">
                    <Money amount={l.unitPriceEur} currency="EUR" />
                  </Typography>
                </TableCell>
                <TableCell align="right"><Money amount={l.goods} currency={c} /></TableCell>
                <TableCell align="right" data-testid="line-discount"><Discount amount={l.discount} currency={c} /></TableCell>
                <TableCell align="right"><Money amount={l.freight} currency={c} /></TableCell>
                <TableCell align="right"><Money amount={l.insurance} currency={c} /></TableCell>
                <TableCell align="right"><Money amount={l.dutiable} currency={c} /></TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{decimalToPercent(l.taxRate)}</TableCell>
                <TableCell align="right" data-testid="line-tax"><Money amount={l.tax} currency={c} /></TableCell>
                <TableCell align="right"><Money amount={l.total} currency={c} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell colSpan={3}>{translate('vitrine.orders.totals')}</TableCell>
              <TableCell align="right"><Money amount={o.goodsTotal} currency={c} /></TableCell>
              <TableCell align="right" data-testid="order-discount"><Discount amount={o.discountTotal ?? 0} currency={c} /></TableCell>
              <TableCell align="right"><Money amount={o.shippingTotal} currency={c} /></TableCell>
              <TableCell align="right"><Money amount={o.insuranceTotal} currency={c} /></TableCell>
              <TableCell />
              <TableCell />
              <TableCell align="right"><Money amount={o.taxTotal} currency={c} /></TableCell>
              <TableCell align="right" data-testid="order-total"><strong><Money amount={o.total} currency={c} /></strong></TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </Box>
    </Section>
  );
};

const Buyer = () => {
  const o = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  if (!o) return null;
  const r = o.recipient;
  return (
    <Section title="vitrine.orders.buyer" testId="order-buyer">
      <Row label="resources.orders.fields.orderer">{o.orderer.name}</Row>
      <Row label="vitrine.orders.resident_id">
        <span data-testid="resident-id-masked" style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{o.orderer.residentIdMasked}</span>
      </Row>
      <Row label="vitrine.orders.recipient">
        <span lang="zh-CN">
          {r.name} · {r.phone}
          <br />
          {r.province} {r.city} {r.district} {r.street} {r.postalCode}
        </span>
      </Row>
      {o.attribution ? (
        <Row label="vitrine.orders.channel">
          <span data-testid="order-attribution" data-channel={o.attribution.channel}>
            {translate(`vitrine.orders.channels.${o.attribution.channel}`)}
            {o.attribution.ref ? ' · ' : ''}
            {o.attribution.ref && o.attribution.channel === 'SEARCH' ? translate('vitrine.orders.search_term', { term: o.attribution.ref }) : o.attribution.ref}
          </span>
        </Row>
      ) : null}
    </Section>
  );
};

const Fx = () => {
  const o = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  if (!o?.fx) return null;
  return (
    <Section title="vitrine.orders.fx" testId="order-fx">
      <Row label="vitrine.orders.fx_rate">
        EUR→{o.currency} {o.fx.rate}
      </Row>
      <Row label="vitrine.orders.fx_margin">{translate('vitrine.orders.bps', { bps: o.fx.marginBps })}</Row>
      <Row label="vitrine.orders.fx_source">{o.fx.source}</Row>
      <Row label="vitrine.orders.fx_effective">
        <When at={o.fx.effectiveAt} />
      </Row>
    </Section>
  );
};

const Payment = () => {
  const o = useRecordContext<OrderRecord>();
  if (!o) return null;
  return (
    <Section title="vitrine.orders.payment" testId="order-payment">
      <Row label="vitrine.orders.payment_intent">
        <PaymentState value={o.paymentStatus} />
      </Row>
      <Row label="vitrine.orders.paid_at">
        <When at={o.paidAt} />
      </Row>
      {o.status === 'PENDING_PAYMENT' && (
        <Row label="vitrine.orders.hold_expires">
          <When at={o.holdExpiresAt} />
        </Row>
      )}
      {!!o.refundedTotal && (
        <Row label="vitrine.orders.refunded_total">
          <span data-testid="refunded-total">
            <Money amount={o.refundedTotal} currency={o.currency} />
          </span>
        </Row>
      )}
      <RefundsAndDisputes order={o} />
    </Section>
  );
};

const RefundsAndDisputes = ({ order }: { order: OrderRecord }) => {
  const translate = useTranslate();
  const refunds = order.refunds ?? [];
  return (
    <Box sx={{ mt: 1 }} data-testid="order-refunds">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate('vitrine.orders.refunds')}
      </Typography>
      {refunds.length ? (
        refunds.map((r) => (
          <Typography key={r.id} variant="body2" sx={{ pl: 1 }} data-testid="refund-row">
            <When at={r.createdAt} /> · <Money amount={r.amount} currency={r.currency} /> · {translate(`vitrine.orders.refund_status.${r.status}`, { _: r.status })}
            {r.reason ? ` · ${r.reason}` : ''}
          </Typography>
        ))
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ pl: 1 }}>
          {translate('vitrine.orders.no_refunds')}
        </Typography>
      )}
      <Typography variant="body2" sx={{ fontWeight: 600, mt: 1 }}>
        {translate('vitrine.orders.disputes')}
      </Typography>
      <DisputeRows order={order} />
    </Box>
  );
};

const DOCUMENT_ORDER = ['ORDER', 'PAYMENT', 'WAYBILL', 'INVENTORY', 'RETURN'] as const;
const MESSAGE_COLORS: Record<string, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  PENDING: 'default',
  ACCEPTED: 'info',
  CLEARED: 'success',
  HELD: 'error',
  REJECTED: 'error',
};

/** One customs document: its state, every receipt customs sent and every attempt to send it. */
const CustomsDocument = ({ message }: { message: CustomsMessageRecord }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }} data-testid={`customs-${message.document}`}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 190 }}>
          {translate(`vitrine.orders.document.${message.document}`)} · {message.messageType}
        </Typography>
        <Chip size="small" color={MESSAGE_COLORS[message.status] ?? 'default'} label={translate(`vitrine.orders.customs_status.${message.status}`)} />
        <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {message.businessNo}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('vitrine.orders.attempts', { smart_count: message.attempts })}
        </Typography>
      </Box>
      {message.lastError && (
        <Typography variant="caption" color="error" display="block">
          {message.lastError}
        </Typography>
      )}
      {(message.preNo || message.invtNo) && (
        <Typography variant="caption" display="block" data-testid="customs-list-numbers">
          {translate('vitrine.orders.list_numbers', { invtNo: message.invtNo ?? '—', preNo: message.preNo ?? '—' })}
        </Typography>
      )}
      {(message.amendments ?? []).map((a) => (
        <Typography key={a.id} variant="caption" display="block" sx={{ pl: 2 }} data-testid="customs-amendment">
          ↳ <When at={a.createdAt} /> · {translate('vitrine.orders.amendment', { status: translate(`vitrine.orders.amendment_status.${a.status}`, { _: a.status }) })}
          {a.returnInfo ? ` · ${a.returnInfo}` : ''}
        </Typography>
      ))}
      {message.receipts.map((r) => (
        <Typography key={r.id} variant="caption" display="block" sx={{ pl: 2 }}>
          ↳ <When at={r.receivedAt} /> · {translate('vitrine.orders.receipt', { code: r.returnStatus })} <span lang="zh-CN">{r.returnInfo}</span>
        </Typography>
      ))}
      <details>
        <summary style={{ cursor: 'pointer', fontSize: 12 }}>{translate('vitrine.orders.attempts_and_xml')}</summary>
        {message.transmissions.map((t) => (
          <Typography key={t.id} variant="caption" display="block" sx={{ pl: 2 }}>
            <When at={t.sentAt} /> · {t.outcome}
            {t.error ? ` · ${t.error}` : ''} · {translate('vitrine.orders.entries', { smart_count: t.entries })}
          </Typography>
        ))}
        <Box component="pre" sx={{ fontSize: 11, maxHeight: 240, overflow: 'auto', bgcolor: 'action.hover', p: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {message.xml}
        </Box>
      </details>
    </Box>
  );
};

const Customs = () => {
  const o = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  if (!o) return null;
  const messages = [...(o.fulfilment?.customsMessages ?? [])].sort((a, b) => DOCUMENT_ORDER.indexOf(a.document) - DOCUMENT_ORDER.indexOf(b.document));
  return (
    <Section title="vitrine.orders.customs" testId="order-customs">
      <Row label="resources.orders.fields.customsMode">{o.customsMode}</Row>
      {/* The shopper's return window (30 days after release by default), as the shop shows it. */}
      {o.returnDeadline && (
        <Row label="vitrine.orders.return_deadline">
          <span data-testid="order-return-deadline">
            <When at={o.returnDeadline} />
          </span>
        </Row>
      )}
      {messages.length ? (
        messages.map((m) => <CustomsDocument key={m.id} message={m} />)
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate(o.status === 'PENDING_PAYMENT' || o.status === 'CANCELLED' ? 'vitrine.orders.customs_after_payment' : 'vitrine.orders.customs_not_yet')}
        </Typography>
      )}
    </Section>
  );
};

const Shipment = () => {
  const o = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const s = o?.fulfilment?.shipment;
  const waiting = canShip(o);
  const awaitingHandover = !!o?.fulfilment?.awaitingHandover;
  // Due for booking: the worker books it within moments (and retries a failed booking by
  // itself); follow it until the order has moved on. Keyed on the order's status, not the
  // shipment's: a refresh may read the order before and its shipment after the booking's commit.
  const booking = o?.status === 'CLEARED' && !!s && !awaitingHandover;
  const every = s?.lastError ? 6_000 : 2_000;
  useEffect(() => {
    if (!booking) return undefined;
    const timer = setInterval(refresh, every);
    return () => clearInterval(timer);
  }, [booking, every, refresh]);
  return (
    <Section title="vitrine.orders.shipment" testId="order-shipment">
      {!s ? (
        <Typography variant="body2" color="text.secondary">
          {translate('vitrine.orders.no_shipment')}
        </Typography>
      ) : (
        <>
          <Row label="vitrine.orders.waybill">
            <span style={{ fontFamily: 'monospace' }} data-testid="waybill">
              {s.logisticsNo}
            </span>{' '}
            <Chip size="small" variant="outlined" label={translate(`vitrine.orders.shipment_status.${s.status}`, { _: s.status })} data-testid="shipment-status" />
          </Row>
          <Row label="vitrine.orders.carrier">{s.carrierCode}</Row>
          {s.bookingRef && <Row label="vitrine.orders.booking">{s.bookingRef}</Row>}
          <Row label="vitrine.orders.booked_at">
            <When at={s.bookedAt} />
          </Row>
          {s.deliveredAt && (
            <Row label="vitrine.orders.delivered_at">
              <When at={s.deliveredAt} />
            </Row>
          )}
          {s.handoverRequestedAt && (
            <Row label="vitrine.orders.handover_requested">
              <When at={s.handoverRequestedAt} />
            </Row>
          )}
          {waiting && (
            <Typography variant="body2" color="warning.main" display="block" data-testid="shipment-waiting">
              {translate(awaitingHandover ? 'vitrine.orders.awaiting_handover' : 'vitrine.orders.awaiting_booking')}
            </Typography>
          )}
          {s.lastError && (
            <Typography variant="caption" color="error" display="block" data-testid="booking-error">
              {translate('vitrine.orders.booking_attempts', { smart_count: s.bookingAttempts })}: {s.lastError}
            </Typography>
          )}
          <Box sx={{ mt: 1 }} data-testid="tracking">
            {[...s.events].reverse().map((e) => (
              <Box key={e.eventId} sx={{ display: 'flex', gap: 2, py: 0.25, alignItems: 'baseline' }}>
                <Typography variant="caption" color="text.secondary" sx={{ minWidth: 150 }}>
                  <When at={e.occurredAt} />
                </Typography>
                <Typography variant="body2">
                  <strong>{translate(`vitrine.orders.tracking.${e.status}`, { _: e.status })}</strong> · {e.description}
                  {e.location ? ` · ${e.location}` : ''}
                </Typography>
              </Box>
            ))}
          </Box>
        </>
      )}
    </Section>
  );
};

const History = () => {
  const o = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  if (!o?.history) return null;
  return (
    <Section title="vitrine.orders.history" testId="order-history">
      {o.history.map((h, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 2, py: 0.25, alignItems: 'baseline' }}>
          <Typography variant="caption" color="text.secondary" sx={{ minWidth: 150 }}>
            <When at={h.at} />
          </Typography>
          <Typography variant="body2">
            {h.from ? `${translate(`vitrine.status.${h.from}`)} → ` : ''}
            <strong>{translate(`vitrine.status.${h.to}`)}</strong>
            <Typography component="span" variant="caption" color="text.secondary">
              {' '}
              · {h.reason}
            </Typography>
          </Typography>
        </Box>
      ))}
    </Section>
  );
};

const ShowActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <StatusChip />
    <ShipButton />
    <RefundButton />
  </TopToolbar>
);

const OrderTitle = () => {
  const o = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  return <span>{translate('vitrine.orders.title', { number: o?.number ?? '' })}</span>;
};

export const OrderShow = () => (
  <Show actions={<ShowActions />} error={<NotFound />} title={<OrderTitle />} sx={{ minWidth: 0, '& .RaShow-main, & .RaShow-card': { minWidth: 0 } }}>
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, p: 2 }} data-testid="order-show">
      <RefundFailedAlert />
      <Lines />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Buyer />
        <Fx />
        <Payment />
      </Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box sx={{ flex: 2, minWidth: 420, display: 'flex' }}>
          <Customs />
        </Box>
        <Box sx={{ flex: 1, minWidth: 320, display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Shipment />
          <History />
        </Box>
      </Box>
      <SettlementSplit />
    </Box>
  </Show>
);
