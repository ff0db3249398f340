import { lazy } from 'react';
import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ProposalRecord } from '../../licensing/proposal-api';

// A brand partner's licensing proposals. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.ProposalList }))),
  create: lazy(() => screens().then((m) => ({ default: m.ProposalCreate }))),
  edit: lazy(() => screens().then((m) => ({ default: m.ProposalEdit }))),
  show: lazy(() => screens().then((m) => ({ default: m.ProposalShow }))),
  icon: HandshakeIcon,
  recordRepresentation: (p: ProposalRecord) => p.content?.title?.en || p.content?.title?.fr || p.content?.title?.zhCN || String(p.id),
};
