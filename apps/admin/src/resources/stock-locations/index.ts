import { lazy } from 'react';
import WarehouseIcon from '@mui/icons-material/Warehouse';
import type { StockLocationRecord } from './stock-locations.data';

// Screens load on first visit; the data module and menu entry stay in the main bundle.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.StockLocationList }))),
  create: lazy(() => screens().then((m) => ({ default: m.StockLocationCreate }))),
  show: lazy(() => screens().then((m) => ({ default: m.StockLocationShow }))),
  icon: WarehouseIcon,
  recordRepresentation: (l: StockLocationRecord) => `${l.code} · ${l.name}`,
};
