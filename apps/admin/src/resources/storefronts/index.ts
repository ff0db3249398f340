import { lazy } from 'react';
import StorefrontIcon from '@mui/icons-material/Storefront';


// Screens load on first visit; the data module and menu entry stay in the main bundle.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.StorefrontRedirect }))),
  edit: lazy(() => screens().then((m) => ({ default: m.StorefrontEdit }))),
  icon: StorefrontIcon,
  recordRepresentation: (s: { name?: { en?: string; zhCN?: string } }) => s.name?.en || s.name?.zhCN || '',
};
