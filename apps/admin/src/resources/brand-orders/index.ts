import { lazy } from 'react';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import type { BrandOrderRecord } from './brand-orders.data';

// Orders a brand partner fulfils from its own stock. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.BrandOrderList }))),
  icon: LocalShippingIcon,
  recordRepresentation: (o: BrandOrderRecord) => o.number,
};
