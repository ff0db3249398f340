// The QR code of a storefront's short link (the storefront page's share action).
import { qrRoute } from '../../../../lib/share-qr-route';

export const GET = qrRoute('s');
