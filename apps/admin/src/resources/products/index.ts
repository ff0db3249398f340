import InventoryIcon from '@mui/icons-material/Inventory2';
import { lazyScreens } from '../../layout/lazy-screens';
import type { ProductRecord } from './products.data';

// Screens load on first visit (at start-up when the console opens on a product route);
// the data module and menu entry stay in the main bundle.
const screen = lazyScreens(() => import('./screens'), 'products');

export default {
  list: screen('ProductList'),
  create: screen('ProductCreate'),
  edit: screen('ProductEdit'),
  icon: InventoryIcon,
  recordRepresentation: (p: ProductRecord) => p.name.en || p.name.fr || p.name.zhCN || String(p.id),
};
