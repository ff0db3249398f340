import { fill, type Dictionary } from '../i18n/dictionary';
import { shopOrigin } from '../lib/api/config';
import { shareUrl, type ShortKind } from '../lib/share';

/**
 * The share action of a product or storefront page: a disclosure (no JavaScript) showing the
 * short link, to copy or open, and its QR code, to scan from another phone. The QR image loads
 * only once the shopper opens it.
 */
export function Share({ dict, kind, code, name }: { dict: Dictionary; kind: ShortKind; code: string; name: string }) {
  const t = dict.share;
  const url = shareUrl(shopOrigin(), kind, code);
  return (
    <details className="share" data-testid="share">
      <summary className="button secondary">{t.open}</summary>
      <div className="share-body">
        <p className="note">{t.hint}</p>
        <p className="share-link">
          <span>{t.link}</span>{' '}
          <a href={url} data-testid="share-link">
            {url.replace(/^https?:\/\//, '').replace(/\?.*$/, '')}
          </a>
        </p>
        <img className="share-qr" src={`/${kind}/${encodeURIComponent(code)}/qr`} alt={fill(t.qrAlt, { name })} width={200} height={200} loading="lazy" data-testid="share-qr" />
      </div>
    </details>
  );
}
