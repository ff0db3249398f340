import { lazy } from 'react';
import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import type { PromotionRecord } from './promotions.data';

// Promotions (issue 22): spend thresholds (满减) and coupons of a storefront; the operator's platform-wide ones. Screens load on first visit.
const screens = () => import('./screens');

export default {
  list: lazy(() => screens().then((m) => ({ default: m.PromotionList }))),
  create: lazy(() => screens().then((m) => ({ default: m.PromotionCreate }))),
  edit: lazy(() => screens().then((m) => ({ default: m.PromotionEdit }))),
  show: lazy(() => screens().then((m) => ({ default: m.PromotionShow }))),
  icon: LocalOfferIcon,
  recordRepresentation: (r: PromotionRecord) => r.name,
};
