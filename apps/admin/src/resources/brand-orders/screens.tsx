import { useEffect, useState } from 'react';
import { Box, Chip, Typography } from '@mui/material';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  RecordContextProvider,
  SelectInput,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatMoney } from '../../data/money';
import { ORDER_STATUSES, orderFulfilment, type OrderRecord } from '../orders/orders.data';
import { ShipButton } from '../orders/ShipButton';
import type { BrandOrderRecord } from './brand-orders.data';

const STATUS_CHOICES = ORDER_STATUSES.map((id) => ({ id, name: `vitrine.status.${id}` }));

const StatusField = (_: { label?: string }) => {
  const translate = useTranslate();
  return <FunctionField<BrandOrderRecord> render={(o) => <span data-testid={`brand-order-status-${o.number}`}>{translate(`vitrine.status.${o.status}`, { _: o.status })}</span>} />;
};

const TotalField = (_: { label?: string }) => {
  const [locale] = useLocaleState();
  return <FunctionField<BrandOrderRecord> render={(o) => formatMoney(o.total, o.currency, locale)} />;
};

/** What to pack: the lines and where they go (the ID number only masked). */
const Packing = () => {
  const o = useRecordContext<BrandOrderRecord>();
  const translate = useTranslate();
  if (!o) return null;
  return (
    <Box sx={{ pl: 2, display: 'flex', flexDirection: 'column', gap: 0.5 }} data-testid={`brand-order-lines-${o.number}`}>
      {o.lines.map((l) => (
        <Typography key={l.id} variant="body2">
          {l.quantity} × <code>{l.sku}</code> {l.name}
        </Typography>
      ))}
      <Typography variant="body2" color="text.secondary">
        {translate('vitrine.brand_orders.ship_to', { name: o.recipient.name, city: o.recipient.city, province: o.recipient.province })} ·{' '}
        {o.orderer.name} {o.orderer.residentIdMasked}
      </Typography>
      <Handover order={o} />
    </Box>
  );
};

/** The parcel's waybill and booking; the brand hands it to the carrier when it awaits that. */
const Handover = ({ order }: { order: BrandOrderRecord }) => {
  const translate = useTranslate();
  const [fulfilment, setFulfilment] = useState<OrderRecord['fulfilment'] & { status: string }>();
  useEffect(() => {
    let live = true;
    orderFulfilment(order.id)
      .then((f) => live && setFulfilment(f))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [order.id, order.status]);
  const s = fulfilment?.shipment;
  if (!fulfilment || !s) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }} data-testid={`brand-order-shipment-${order.number}`}>
      <Typography variant="body2">
        {translate('vitrine.orders.waybill')} <code>{s.logisticsNo}</code>
      </Typography>
      <Chip size="small" variant="outlined" label={translate(`vitrine.orders.shipment_status.${s.status}`, { _: s.status })} />
      {fulfilment.awaitingHandover && (
        <Typography variant="body2" color="warning.main">
          {translate('vitrine.orders.awaiting_handover')}
        </Typography>
      )}
      {s.lastError && (
        <Typography variant="caption" color="error">
          {s.lastError}
        </Typography>
      )}
      <RecordContextProvider value={{ ...order, status: fulfilment.status, fulfilment } as unknown as OrderRecord}>
        <ShipButton onShipped={setFulfilment} />
      </RecordContextProvider>
    </Box>
  );
};

/** The orders the brand ships from its own stock; customs and the carrier booking run as for any order. */
export const BrandOrderList = () => (
  <List exporter={false} filters={[<SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />]} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick="expand" expand={<Packing />}>
      <TextField source="number" sortable={false} />
      <StatusField label="resources.brandOrders.fields.status" />
      <TextField source="customsMode" sortable={false} />
      <TotalField label="resources.brandOrders.fields.total" />
      <DateField source="createdAt" showTime sortable={false} />
    </Datagrid>
  </List>
);
