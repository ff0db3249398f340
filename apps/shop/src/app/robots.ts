import type { MetadataRoute } from 'next';
import { shopOrigin } from '../lib/api/config';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/*/cart', '/*/checkout', '/*/orders', '/*/account'] }],
    sitemap: `${shopOrigin()}/sitemap.xml`,
  };
}
