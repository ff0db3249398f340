import { lazy } from 'react';
import InventoryIcon from '@mui/icons-material/Inventory2';
import type { ProductRecord } from './products.data';

// Screens load on first visit; the data module and menu entry stay in the main bundle.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.ProductList }))),
  create: lazy(() => screens().then((m) => ({ default: m.ProductCreate }))),
  edit: lazy(() => screens().then((m) => ({ default: m.ProductEdit }))),
  icon: InventoryIcon,
  recordRepresentation: (p: ProductRecord) => p.name.en || p.name.fr || p.name.zhCN || String(p.id),
};
