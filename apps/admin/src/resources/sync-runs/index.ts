import { lazy } from 'react';
import SyncIcon from '@mui/icons-material/Sync';
import type { SyncRunRecord } from './sync-runs.data';

// Warehouse feeds, their sync runs and the stock webhook. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.SyncRunList }))),
  show: lazy(() => screens().then((m) => ({ default: m.SyncRunShow }))),
  icon: SyncIcon,
  recordRepresentation: (r: SyncRunRecord) => r.queuedAt.slice(0, 16).replace('T', ' '),
};
