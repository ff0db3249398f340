import { lazy } from 'react';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import type { SellerRecord } from './settlement.data';

// Balances, ledger lines, payouts and statements of the settlement ledger. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.SettlementList }))),
  show: lazy(() => screens().then((m) => ({ default: m.SettlementShow }))),
  icon: AccountBalanceWalletIcon,
  recordRepresentation: (s: SellerRecord) => s.name ?? s.sellerId,
};
