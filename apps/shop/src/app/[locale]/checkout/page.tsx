import type { Metadata } from 'next';
import Link from 'next/link';
import { fill, getDictionary, type Dictionary } from '../../../i18n/dictionary';
import type { ShopLocale } from '../../../i18n/locales';
import { localeOf, type LocaleParams } from '../../../i18n/server';
import { checkoutConsent, currentCart, identityQuotas, museumNames, type IdentityQuota } from '../../../lib/api/buy';
import { addressLine, maskPhone, MAX_ADDRESSES } from '../../../lib/addresses/form';
import { myAddresses } from '../../../lib/api/addresses';
import { dutiableOf } from '../../../lib/checkout/limits';
import { formatMoney } from '../../../lib/format/money';
import { routes } from '../../../lib/routes';
import { CheckoutForm, type SavedOrderer } from '../../../components/buy/CheckoutForm';
import { ModeLabel } from '../../../components/buy/ModeLabel';
import { placeOrder } from './actions';
import '../../buy.css';
import '../../addresses.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.buy.checkout.title, robots: { index: false } };
}

export default async function CheckoutPage({ params }: { params: LocaleParams }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const t = dict.buy.checkout;
  const [{ cart, signedIn }, names, identities, consent, addresses] = await Promise.all([currentCart(locale), museumNames(locale), identityQuotas(), checkoutConsent(locale), myAddresses()]);
  if (!cart || cart.status !== 'OPEN' || cart.sellers.length === 0) {
    return (
      <div className="buy-page">
        <h1>{t.title}</h1>
        <p className="buy-empty">{t.cartEmpty}</p>
        <Link className="button" href={routes.cart(locale)}>
          {dict.buy.cart.title}
        </Link>
      </div>
    );
  }
  const money = (amount: number) => formatMoney({ amount, currency: cart.currency }, locale);
  const cartValue = cart.sellers.reduce((sum, seller) => sum + dutiableOf(seller.lines), 0);
  const saved = identities.filter((i) => i.usable).map((i) => savedOrderer(i, cartValue, locale, dict));
  return (
    <div className="buy-page">
      <h1>{t.title}</h1>
      <section className="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">{t.summary}</h2>
        <p className="buy-note">{fill(dict.buy.cart.splitNote, { count: cart.sellers.length })}</p>
        <ul className="summary-orders">
          {cart.sellers.map((s, i) => (
            <li key={`${s.museumId}-${s.customsMode}-${i}`}>
              <p className="summary-seller">
                {fill(dict.buy.cart.orderHeading, { index: i + 1, count: cart.sellers.length, museum: names.get(s.museumId) ?? '—' })}
              </p>
              <p className="hint">
                <ModeLabel mode={s.customsMode} dict={dict} />
              </p>
              <ul className="summary-lines">
                {s.lines.map((l) => (
                  <li key={l.id}>
                    <span>
                      {l.name} × {l.quantity}
                    </span>
                    <span>{money(l.goods)}</span>
                  </li>
                ))}
              </ul>
              <p className="summary-sub">
                <span>
                  {dict.buy.cart.shipping} {money(s.shipping)} · {dict.buy.cart.tax} {money(s.tax)}
                </span>
                <strong>{money(s.total)}</strong>
              </p>
            </li>
          ))}
        </ul>
        <p className="summary-total">
          <span>{dict.buy.cart.grandTotal}</span>
          <strong data-testid="checkout-total">{money(cart.total)}</strong>
        </p>
      </section>
      {signedIn ? null : (
        <p className="hint">
          <Link className="sign-in-link" href={routes.signIn(locale, routes.checkout(locale))}>
            {dict.buy.account.signIn}
          </Link> · {t.signInHint}
        </p>
      )}
      <CheckoutForm
        locale={locale}
        t={t}
        errors={dict.errors}
        action={placeOrder}
        submitLabel={t.placeOrder}
        saved={saved}
        consent={consent}
        // The saved addresses, the default first (prefilled), and whether a new one may be saved with the order.
        addresses={addresses.map((a) => ({ ...a, label: `${a.name} ${maskPhone(a.phone)} · ${addressLine(a)}${a.isDefault ? ` · ${dict.buy.addressBook.defaultBadge}` : ''}` }))}
        offerSave={signedIn && addresses.length < MAX_ADDRESSES}
        book={dict.buy.addressBook}
        manageHref={`${routes.account(locale)}#addresses`}
      />
    </div>
  );
}

/** A saved identity as the form offers it: masked, with its yearly quota and what this cart would leave of it. */
function savedOrderer(i: IdentityQuota, cartValue: number, locale: ShopLocale, dict: Dictionary): SavedOrderer {
  const t = dict.buy.quota;
  const money = (amount: number) => formatMoney({ amount, currency: 'CNY' }, locale);
  const q = i.annualQuota;
  const over = q !== null && cartValue > q.remaining.amount;
  return {
    id: i.id,
    name: i.ordererName ?? '',
    label: fill(dict.buy.checkout.savedIdentity, { name: i.ordererName ?? '', id: i.residentIdMasked }),
    quota: q ? fill(t.remaining, { id: i.residentIdMasked, remaining: money(q.remaining.amount), limit: money(q.limit.amount) }) : null,
    cart: q && cartValue ? (over ? fill(t.cartOver, { value: money(cartValue), remaining: money(q.remaining.amount) }) : fill(t.cartFits, { value: money(cartValue), left: money(q.remaining.amount - cartValue) })) : null,
    over,
  };
}
