// The QR code of a product's short link (the product page's share action).
import { qrRoute } from '../../../../lib/share-qr-route';

export const GET = qrRoute('p');
