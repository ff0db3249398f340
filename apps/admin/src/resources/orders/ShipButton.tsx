import { useState } from 'react';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { Button, Confirm, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { canShip, shipOrder, type OrderRecord } from './orders.data';

/**
 * Hands a cleared parcel to the carrier (shipOrder), offered only while the API accepts it:
 * customs cleared the order and its waybill is not booked yet. After a failed booking it
 * asks for the booking again.
 */
export const ShipButton = ({ onShipped }: { onShipped?: (fulfilment: Awaited<ReturnType<typeof shipOrder>>) => void }) => {
  const order = useRecordContext<OrderRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!order || !canShip(order)) return null;
  const shipment = order.fulfilment!.shipment!;
  const retry = shipment.handoverRequests > 0 || !!shipment.lastError;

  const confirm = () => {
    setBusy(true);
    shipOrder(String(order.id))
      .then((fulfilment) => {
        notify('vitrine.orders.ship_requested', { type: 'success' });
        setOpen(false);
        onShipped?.(fulfilment);
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'vitrine.errors.internal', { type: 'error' }))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Button label={retry ? 'vitrine.orders.ship_retry' : 'vitrine.orders.ship'} onClick={() => setOpen(true)} data-testid="order-ship">
        <LocalShippingIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate('vitrine.orders.ship_title', { number: order.number })}
        content={translate('vitrine.orders.ship_help', { carrier: shipment.carrierCode, waybill: shipment.logisticsNo })}
        confirm="vitrine.orders.ship"
        onConfirm={confirm}
        onClose={() => !busy && setOpen(false)}
      />
    </>
  );
};
