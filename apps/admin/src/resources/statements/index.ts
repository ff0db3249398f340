import { lazy } from 'react';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import type { StatementRecord } from './statements.data';

// Monthly royalty statements (museum: income; brand: what is owed). Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.StatementList }))),
  icon: RequestQuoteIcon,
  recordRepresentation: (s: StatementRecord) => s.periodStart.slice(0, 7),
};
