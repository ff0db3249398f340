import type { Metadata } from 'next';
import Link from 'next/link';
import { fill, getDictionary } from '../../../i18n/dictionary';
import { localeOf, type LocaleParams } from '../../../i18n/server';
import { museumNames, myOrders } from '../../../lib/api/buy';
import { isSignedIn } from '../../../lib/api/session';
import { formatMoney } from '../../../lib/format/money';
import { routes } from '../../../lib/routes';
import { OrderStatusBadge } from '../../../components/buy/OrderStatusBadge';
import '../../buy.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.buy.orders.title, robots: { index: false } };
}

export default async function OrdersPage({ params }: { params: LocaleParams }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const t = dict.buy.orders;
  if (!(await isSignedIn())) {
    return (
      <div className="buy-page">
        <h1>{t.title}</h1>
        <p>{t.signInToSee}</p>
        <Link className="button" href={routes.signIn(locale, routes.orders(locale))}>
          {dict.buy.account.signIn}
        </Link>
      </div>
    );
  }
  const [orders, names] = await Promise.all([myOrders(), museumNames(locale)]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  return (
    <div className="buy-page">
      <h1>{t.title}</h1>
      {orders.length === 0 ? <p>{t.empty}</p> : null}
      <ul className="order-list">
        {orders.map((o) => (
          <li key={o.id}>
            <Link className="order-row" href={routes.order(locale, o.id)} data-testid="order-row">
              <span className="row">
                <strong>{o.number}</strong>
                <OrderStatusBadge status={o.status} dict={dict} />
              </span>
              <span className="row hint">
                <span>{names.get(o.museumId) ?? ''}</span>
                <span>{formatMoney({ amount: o.total, currency: o.currency }, locale)}</span>
              </span>
              <span className="hint">{fill(t.placedOn, { date: date.format(new Date(o.createdAt)) })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
