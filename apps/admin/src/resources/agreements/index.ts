import { lazy } from 'react';
import GavelIcon from '@mui/icons-material/Gavel';
import type { AgreementRecord } from './agreements.data';

// Licence agreements (brand and museum sides). Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.AgreementList }))),
  show: lazy(() => screens().then((m) => ({ default: m.AgreementShow }))),
  icon: GavelIcon,
  recordRepresentation: (a: AgreementRecord) => a.products[0]?.name.en || a.id,
};
