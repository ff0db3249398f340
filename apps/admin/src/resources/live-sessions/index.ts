import { lazy } from 'react';
import LiveTvIcon from '@mui/icons-material/LiveTv';
import type { LiveSessionRecord } from './live-sessions.data';

// Live sessions: scheduling, and the host's controls during the stream. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.LiveSessionList }))),
  create: lazy(() => screens().then((m) => ({ default: m.LiveSessionCreate }))),
  edit: lazy(() => screens().then((m) => ({ default: m.LiveSessionEdit }))),
  show: lazy(() => screens().then((m) => ({ default: m.LiveSessionShow }))),
  icon: LiveTvIcon,
  recordRepresentation: (r: LiveSessionRecord) => r.title,
};
