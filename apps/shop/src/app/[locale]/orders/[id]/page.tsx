import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { fill, getDictionary, type Dictionary } from '../../../../i18n/dictionary';
import type { ShopLocale } from '../../../../i18n/locales';
import { localeOf } from '../../../../i18n/server';
import { museumNames, order as loadOrder, ordersOfCheckout, type OrderDetail } from '../../../../lib/api/buy';
import { isId } from '../../../../lib/api/catalog';
import { isShopApiError } from '../../../../lib/api/errors';
import { readPlacedCheckout } from '../../../../lib/api/placed-checkout';
import { isSignedIn } from '../../../../lib/api/session';
import { formatMoney } from '../../../../lib/format/money';
import { routes } from '../../../../lib/routes';
import { ModeLabel } from '../../../../components/buy/ModeLabel';
import { OrderStatusBadge } from '../../../../components/buy/OrderStatusBadge';
import { OrderReturns, ReturnJumpLink } from '../../../../components/buy/OrderReturns';
import { guestAccessTo, guestOrder } from '../../../../lib/api/guest-order';
import { orderReturns, type OrderReturns as Returns } from '../../../../lib/api/returns';
import '../../../buy.css';
import '../../../returns.css';

export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.buy.confirmation.title, robots: { index: false } };
}

/**
 * A signed-in shopper's order with its returns; a guest's opened by a code sent to its phone
 * (guestOrder, returns too); or a guest's from the checkout they placed on this device
 * (orderByCart: no returns until they confirm with a code).
 */
async function find(id: string, locale: ShopLocale): Promise<{ order: OrderDetail; returns: Returns | null; guest: boolean } | null> {
  if (await isSignedIn()) {
    try {
      const order = await loadOrder(id, locale);
      return { order, returns: await orderReturns(order.id, locale), guest: false };
    } catch (e) {
      if (isShopApiError(e) && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) return null;
      throw e;
    }
  }
  const token = await guestAccessTo(id);
  const verified = token ? await guestOrder(token, locale) : null;
  if (verified) return { ...verified, guest: true };
  const placed = await readPlacedCheckout();
  if (!placed?.cartToken) return null;
  const order = (await ordersOfCheckout(placed.checkoutId, placed.cartToken, locale)).find((o) => o.id === id);
  return order ? { order, returns: null, guest: true } : null;
}

interface Step {
  at: string;
  what: string;
  note?: string | null;
  key: string;
}

function timeline(o: OrderDetail, t: Dictionary['buy']['orders']): Step[] {
  const steps: Step[] = o.history.map((h, i) => ({ at: h.at, what: t.status[h.to as keyof typeof t.status] ?? h.to, note: t.statusNote[h.to as keyof typeof t.statusNote] ?? null, key: `h${i}` }));
  // The carrier's own description is in its language, not the shopper's: the translated status and the place.
  for (const e of o.parcel?.events ?? []) steps.push({ at: e.occurredAt, what: t.trackingStatus[e.status] ?? e.status, note: e.location, key: `e${e.eventId}` });
  return steps.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export default async function OrderPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale: ShopLocale = await localeOf(params);
  const { id } = await params;
  const dict = getDictionary(locale);
  const t = dict.buy.orders;
  if (!isId(id)) notFound();
  const found = await find(id, locale);
  if (!found) {
    return (
      <div className="buy-page">
        <h1>{dict.buy.confirmation.title}</h1>
        <p>{t.signInToSee}</p>
        <Link className="button" href={routes.signIn(locale, routes.order(locale, id))}>
          {dict.buy.account.signIn}
        </Link>
        <Link className="button secondary wide" href={routes.findOrder(locale)} data-testid="guest-find">
          {dict.returns.guest.find}
        </Link>
      </div>
    );
  }
  const { order: o, returns } = found;
  const names = await museumNames(locale);
  const justRequested = (await searchParams)['return'] === 'requested';
  const money = (amount: number) => formatMoney({ amount, currency: o.currency }, locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const r = o.recipient;
  return (
    <div className="buy-page">
      <h1>{fill(dict.buy.confirmation.orderNumber, { number: o.number })}</h1>
      <p className="order-card-head">
        <span>{names.get(o.museumId) ?? ''}</span>
        <OrderStatusBadge status={o.status} dict={dict} />
      </p>
      <p className="hint">{t.statusNote[o.status as keyof typeof t.statusNote] ?? ''}</p>
      {returns ? <ReturnJumpLink locale={locale} dict={dict} data={returns} /> : null}

      <section className="timeline-section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t.timeline}</h2>
        {o.parcel ? (
          <p className="hint" data-testid="parcel">
            {t.parcel}: {t.parcelStatus[o.parcel.status] ?? o.parcel.status} · {fill(t.waybill, { number: o.parcel.logisticsNo })}
          </p>
        ) : (
          <p className="hint">{t.noParcel}</p>
        )}
        <ol className="timeline" data-testid="timeline">
          {timeline(o, t).map((s) => (
            <li key={s.key}>
              <time className="when" dateTime={s.at}>
                {when.format(new Date(s.at))}
              </time>
              <span className="what">{s.what}</span>
              {s.note ? <p>{s.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="order-card" aria-labelledby="items-title">
        <h2 id="items-title">{t.items}</h2>
        <ul className="summary-lines">
          {o.lines.map((l) => (
            <li key={l.id}>
              <span>
                {l.name} × {l.quantity}
              </span>
              <span>{money(l.total)}</span>
            </li>
          ))}
        </ul>
        <dl className="totals">
          <dt>{dict.buy.cart.goods}</dt>
          <dd>{money(o.goodsTotal)}</dd>
          {o.discountTotal ? (
            <>
              <dt>{dict.buy.cart.discount}</dt>
              <dd className="discount" data-testid="order-discount">
                −{money(o.discountTotal)}
              </dd>
            </>
          ) : null}
          <dt>{dict.buy.cart.shipping}</dt>
          <dd>{money(o.shippingTotal)}</dd>
          <dt>{dict.buy.cart.tax}</dt>
          <dd>{money(o.taxTotal)}</dd>
          <dt className="strong">{t.total}</dt>
          <dd className="strong">{money(o.total)}</dd>
        </dl>
      </section>

      <section className="order-card" aria-labelledby="facts-title">
        <h2 id="facts-title">{t.recipient}</h2>
        <dl className="facts">
          <dt>{t.recipient}</dt>
          <dd>
            {r.name} · {r.phone}
            <br />
            {r.province} {r.city} {r.district} {r.street} {r.postalCode}
          </dd>
          <dt>{t.orderer}</dt>
          <dd>
            {o.orderer.name} <span className="masked">{o.orderer.residentIdMasked}</span>
          </dd>
          <dt>{t.customsMode}</dt>
          <dd>
            <ModeLabel mode={o.customsMode} dict={dict} />
          </dd>
        </dl>
      </section>
      {returns ? <OrderReturns locale={locale} dict={dict} order={o} data={returns} requested={justRequested} /> : null}
      {found.guest && !returns ? (
        <section className="order-card" aria-labelledby="guest-returns-title" data-testid="guest-confirm">
          <h2 id="guest-returns-title">{dict.returns.title}</h2>
          <p className="hint">{dict.returns.guest.confirmToReturn}</p>
          <Link className="button secondary wide" href={routes.findOrder(locale, { number: o.number })}>
            {dict.returns.guest.confirm}
          </Link>
        </section>
      ) : null}
      <Link className="button secondary wide" href={routes.order(locale, o.id)} prefetch={false}>
        {t.refresh}
      </Link>
    </div>
  );
}
