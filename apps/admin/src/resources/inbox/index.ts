import { lazy } from 'react';
import InboxIcon from '@mui/icons-material/MoveToInbox';
import type { ProposalRecord } from '../../licensing/proposal-api';

// A museum's licensing inbox: brands' proposals to review. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.InboxList }))),
  show: lazy(() => screens().then((m) => ({ default: m.InboxShow }))),
  icon: InboxIcon,
  recordRepresentation: (p: ProposalRecord) => p.content?.title?.en || p.content?.title?.fr || p.content?.title?.zhCN || String(p.id),
};
