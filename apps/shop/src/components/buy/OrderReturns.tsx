// The order page's returns: the deadline while a return can be asked for ("return window
// closed" after), the shopper's returns with their state (requested, accepted with the return
// waybill, received, refunded, refused with the seller's comment) and the request form.
import { requestReturn } from '../../app/[locale]/orders/[id]/actions';
import { fill, type Dictionary } from '../../i18n/dictionary';
import type { ShopLocale } from '../../i18n/locales';
import { shopPhotoUrl, type OrderReturns as Returns, type ShopperReturn } from '../../lib/api/returns';
import { formatMoney } from '../../lib/format/money';
import { windowOpen } from '../../lib/returns/form';
import { ReturnForm } from './ReturnForm';

export interface OrderReturnsProps {
  locale: ShopLocale;
  dict: Dictionary;
  order: { id: string; currency: string; lines: { id: string; name: string; quantity: number }[] };
  data: Returns;
  /** Just asked (the action's redirect). */
  requested: boolean;
}

export function OrderReturns({ locale, dict, order, data, requested }: OrderReturnsProps) {
  const t = dict.returns;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const open = windowOpen(data.returnDeadline);
  // The API decides what may still be returned (returns held, refunds outside a return).
  const left = new Map(data.lines.map((l) => [l.id, l.returnableQuantity]));
  const lines = order.lines.map((l) => ({ id: l.id, name: l.name, max: left.get(l.id) ?? 0 })).filter((l) => l.max > 0);
  const names = new Map(order.lines.map((l) => [l.id, l.name]));
  return (
    <section className="order-card returns" id="returns" aria-labelledby="returns-title" data-testid="returns">
      <h2 id="returns-title">{t.title}</h2>
      {data.returnDeadline === null ? (
        <p className="hint" data-testid="return-deadline">
          {t.notYet}
        </p>
      ) : open ? (
        <p data-testid="return-deadline">
          <time dateTime={data.returnDeadline}>{fill(t.deadline, { date: day.format(new Date(data.returnDeadline)) })}</time>
        </p>
      ) : (
        <p className="hint" data-testid="return-deadline">
          {t.windowClosed}
        </p>
      )}
      {requested ? (
        <p className="notice" role="status" data-testid="return-requested">
          {t.requested}
        </p>
      ) : null}
      {data.returns.length ? (
        <>
          <h3>{t.yours}</h3>
          <ul className="return-list">
            {data.returns.map((r) => (
              <li key={r.id} className="return-item" data-testid="return-item" data-status={r.status}>
                <p className="return-head">
                  <span className={`badge return-${r.status.toLowerCase()}`} data-testid="return-status">
                    {t.status[r.status] ?? r.status}
                  </span>
                  <time dateTime={r.createdAt}>{fill(t.askedOn, { date: when.format(new Date(r.createdAt)) })}</time>
                </p>
                <p className="hint">{t.statusNote[r.status] ?? ''}</p>
                <ul className="return-units">
                  {r.lines.map((l) => (
                    <li key={l.lineId}>{fill(t.lineQuantity, { name: names.get(l.lineId) ?? l.lineId, quantity: l.acceptedQuantity ?? l.quantity })}</li>
                  ))}
                </ul>
                <p className="hint">{fill(t.reasonIs, { reason: t.reasons[r.reason] ?? r.reason })}</p>
                {r.status === 'ACCEPTED' ? (
                  <>
                    <p data-testid="return-waybill">{r.returnLogisticsNo ? fill(t.waybill, { number: r.returnLogisticsNo }) : t.waybillPending}</p>
                    <p className="hint">{fill(t.sendBy, { date: day.format(new Date(r.arrivalDeadline)) })}</p>
                  </>
                ) : r.returnLogisticsNo ? (
                  <p className="hint">{fill(t.waybill, { number: r.returnLogisticsNo })}</p>
                ) : null}
                {r.decisionComment ? (
                  <p data-testid="return-comment">{fill(t.sellerComment, { comment: r.decisionComment })}</p>
                ) : null}
                <ReturnPhotos r={r} t={t} />
                {r.status === 'REFUNDED' && r.refundAmount !== null ? (
                  <p data-testid="return-refund">{fill(t.refunded, { amount: formatMoney({ amount: r.refundAmount, currency: order.currency }, locale) })}</p>
                ) : null}
                {r.history.length ? (
                  <details className="return-history" data-testid="return-history">
                    <summary>{t.history}</summary>
                    <ol>
                      {r.history.map((e, i) => (
                        <li key={`${e.at}-${i}`}>
                          <time dateTime={e.at}>{when.format(new Date(e.at))}</time> {e.detail}
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {open ? (
        lines.length ? (
          <div className="return-request">
            <h3>{t.request}</h3>
            <ReturnForm locale={locale} orderId={order.id} lines={lines} t={t} errors={dict.errors as unknown as Record<string, string>} action={requestReturn} />
          </div>
        ) : (
          <p className="hint">{t.nothingLeft}</p>
        )
      ) : null}
    </section>
  );
}

/**
 * What the shopper attached: uploaded photos as thumbnails through their signed links (on the
 * shop's origin; each opens the full image), links they typed as links. Uploaded photos are
 * deleted once the return is refused or closed: then a line says so.
 */
function ReturnPhotos({ r, t }: { r: ShopperReturn; t: Dictionary['returns'] }) {
  const gone = r.photos.length === 0 && r.history.some((e) => e.kind === 'PHOTOS_DELETED');
  if (!r.photos.length && !r.photoUrls.length && !gone) return null;
  return (
    <div className="return-photos" data-testid="return-photos">
      <p className="hint">{t.yourPhotos}</p>
      {r.photos.length ? (
        <ul className="return-thumbs">
          {r.photos.map((p) => {
            const label = fill(t.photoAlt, { n: p.position + 1 });
            return (
              <li key={p.id}>
                <a href={shopPhotoUrl(p.url)} target="_blank" rel="noopener noreferrer" aria-label={fill(t.photoOpen, { n: p.position + 1 })} data-testid="return-photo">
                  {/* A signed link the shop's route answers: no resized sources. */}
                  <img src={shopPhotoUrl(p.url)} alt={label} width={72} height={72} loading="lazy" />
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
      {r.photoUrls.length ? (
        <ul className="return-photo-links">
          {r.photoUrls.map((u, i) => (
            <li key={`${i}-${u}`}>
              <a href={u} target="_blank" rel="noopener noreferrer nofollow" data-testid="return-photo-link">
                {fill(t.photoLink, { n: i + 1 })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {gone ? (
        <p className="hint" data-testid="return-photos-deleted">
          {t.photosDeleted}
        </p>
      ) : null}
    </div>
  );
}

/** Near the top of the order page while a return can be asked for (window open, a unit left to return): a link down to the form (the page is long on a phone). */
export function ReturnJumpLink({ locale, dict, data }: Pick<OrderReturnsProps, 'locale' | 'dict' | 'data'>) {
  if (!windowOpen(data.returnDeadline) || !data.lines.some((l) => l.returnableQuantity > 0)) return null;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
  return (
    <a className="button secondary wide" href="#returns" data-testid="return-jump">
      {fill(dict.returns.jump, { date: day.format(new Date(data.returnDeadline!)) })}
    </a>
  );
}
