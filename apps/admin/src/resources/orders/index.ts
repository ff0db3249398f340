import { lazy } from 'react';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { OrderRecord } from './orders.data';

// Screens load on first visit; the data module and menu entry stay in the main bundle.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.OrderList }))),
  show: lazy(() => screens().then((m) => ({ default: m.OrderShow }))),
  icon: ReceiptLongIcon,
  recordRepresentation: (o: OrderRecord) => o.number,
};
