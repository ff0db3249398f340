import { lazy } from 'react';
import WarehouseIcon from '@mui/icons-material/Warehouse';
import type { BrandLocationRecord } from './brand-stock.data';

// A brand partner's own stock for the co-branded products it fulfils. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.BrandStockList }))),
  create: lazy(() => screens().then((m) => ({ default: m.BrandStockCreate }))),
  show: lazy(() => screens().then((m) => ({ default: m.BrandStockShow }))),
  icon: WarehouseIcon,
  recordRepresentation: (l: BrandLocationRecord) => `${l.code} · ${l.name}`,
};
