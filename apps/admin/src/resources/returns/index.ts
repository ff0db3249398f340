import { lazy } from 'react';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import type { ReturnRecord } from './returns.data';

// Returns of released orders. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.ReturnList }))),
  show: lazy(() => screens().then((m) => ({ default: m.ReturnShow }))),
  icon: AssignmentReturnIcon,
  recordRepresentation: (r: ReturnRecord) => r.orderNumber,
};
