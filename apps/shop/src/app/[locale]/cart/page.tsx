import type { Metadata } from 'next';
import Link from 'next/link';
import { errorMessage, fill, getDictionary } from '../../../i18n/dictionary';
import type { ShopLocale } from '../../../i18n/locales';
import { localeOf, type LocaleParams } from '../../../i18n/server';
import {
  checkoutState,
  currentCart,
  identityQuotas,
  museumNames,
  ordersOfCheckout,
  type Cart,
  type CartLine,
  type CartProblem,
  type IdentityQuota as SavedIdentityQuota,
} from '../../../lib/api/buy';
import { readPlacedCheckout } from '../../../lib/api/placed-checkout';
import { checkoutProblems, dutiableOf, problemsOfLine, problemsOfOrder } from '../../../lib/checkout/limits';
import { formatMoney } from '../../../lib/format/money';
import { routes } from '../../../lib/routes';
import { IdentityQuota } from '../../../components/buy/IdentityQuota';
import { ModeLabel } from '../../../components/buy/ModeLabel';
import { CartCountSync } from '../../../components/HeaderSession';
import { applyCoupon, checkQuota, removeCoupon, setQuantity } from './actions';
import '../../buy.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.buy.cart.title, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CartPage({
  params,
  searchParams,
}: {
  params: LocaleParams;
  searchParams: Search;
}) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const t = dict.buy.cart;
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === 'string' ? (sp[k] as string) : undefined);
  const [{ cart, signedIn }, names, identities] = await Promise.all([currentCart(locale), museumNames(locale), identityQuotas()]);
  const money = (amount: number) => formatMoney({ amount, currency: cart?.currency ?? 'CNY' }, locale);
  const lines = cart?.sellers.flatMap((s) => s.lines) ?? [];
  const quota = one('quota')?.split('~');
  const quotaError = one('quotaError');

  if (!cart || lines.length === 0) {
    // A signed-in shopper's checked-out cart is no longer their cart: say when its payment still waits.
    const placed = await readPlacedCheckout();
    const waiting = placed && !placed.cartToken ? await ordersOfCheckout(placed.checkoutId, null) : [];
    const unpaid = waiting.length > 0 && ['FAILED', 'PROCESSING'].includes(checkoutState(waiting));
    return (
      <div className="buy-page">
        <h1>{t.title}</h1>
        {unpaid && placed ? (
          <p className="notice" role="status">
            {t.checkedOut} <Link href={routes.checkoutReturn(locale, placed.checkoutId)}>{t.payNow}</Link>
          </p>
        ) : null}
        <p className="buy-empty">{t.empty}</p>
        <Link className="button" href={routes.home(locale)}>
          {t.continueShopping}
        </Link>
        {signedIn ? (
          <QuotaSection
            locale={locale}
            dict={dict}
            signedIn={signedIn}
            quota={quota}
            quotaError={quotaError}
            annualLimit={null}
            identities={identities}
            identityId={one('identity')}
            cartValue={null}
          />
        ) : null}
      </div>
    );
  }
  const error = one('error');
  const problemsOf = (line: CartLine): CartProblem[] => problemsOfLine(cart.problems, line);
  const open = cart.status === 'OPEN';

  return (
    <div className="buy-page">
      <CartCountSync count={lines.reduce((n, l) => n + l.quantity, 0)} />
      <h1>{t.title}</h1>
      {one('abandoned') ? (
        <p className="notice ok" role="status">
          {dict.buy.confirmation.abandoned}
        </p>
      ) : null}
      {one('updated') ? (
        <p className="notice ok" role="status">
          {t.updated}
        </p>
      ) : null}
      {error && !one('line') ? (
        <p className="notice error" role="alert">
          {errorMessage(dict, error)}
        </p>
      ) : null}
      {!open ? (
        <p className="notice" role="status">
          {t.checkedOut} <Link href={routes.checkoutReturn(locale)}>{t.payNow}</Link>
        </p>
      ) : null}
      {cart.problems.length ? (
        <p className="notice error" role="alert" data-testid="cart-problems">
          {t.problemsBlock}
        </p>
      ) : null}
      {checkoutProblems(cart.problems).map((p) => (
        <p key={p.code} className="notice error" role="alert" data-testid="checkout-problem" data-code={p.code}>
          {fill(t.problemAnnual, { value: money(p.value ?? 0), limit: money(p.limit ?? cart.annualLimit) })}
        </p>
      ))}
      <p className="buy-note">{fill(t.splitNote, { count: cart.sellers.length })}</p>

      {cart.sellers.map((seller, index) => {
        const dutiable = dutiableOf(seller.lines);
        // Over a limit only when the API says placeOrder would refuse it (one indivisible item above
        // the per-order limit may still be bought at general-trade taxes).
        const limitProblems = problemsOfOrder(cart.problems, seller);
        const over = limitProblems.length > 0;
        const share = Math.min(100, Math.round((dutiable * 100) / cart.orderLimit));
        return (
          <section
            key={`${seller.museumId}-${seller.customsMode}-${seller.fulfilledByBrandId ?? ''}`}
            className="seller-order"
            data-testid="seller-order"
            aria-labelledby={`seller-${index}`}
          >
            <h2 id={`seller-${index}`}>
              {fill(t.orderHeading, {
                index: index + 1,
                count: cart.sellers.length,
                museum: names.get(seller.museumId) ?? '—',
              })}
            </h2>
            <p className="seller-meta">
              <ModeLabel mode={seller.customsMode} dict={dict} />
              {seller.fulfilledByBrandId ? <span> · {t.fulfilledByBrand}</span> : null}
            </p>
            <ul className="cart-lines">
              {seller.lines.map((line) => {
                const problems = problemsOf(line);
                const lineError = one('line') === line.variantId ? error : undefined;
                return (
                  <li
                    key={line.id}
                    id={`line-${line.variantId}`}
                    className={`cart-line${problems.length ? ' has-problem' : ''}`}
                    data-testid="cart-line"
                  >
                    <div className="cart-line-head">
                      {/* Plain: the product page is outside the App Router (ADR 0027). */}
                      <a href={routes.product(locale, line.productId)} className="cart-line-name">
                        {line.name}
                      </a>
                      <span className="cart-line-total">{money(line.goods)}</span>
                    </div>
                    <p className="cart-line-meta">
                      {t.unitPrice} {money(line.unitPrice)}
                      {line.discount ? (
                        <span className="line-discount" data-testid="line-discount">
                          {' '}
                          · {t.discount} −{money(line.discount)}
                        </span>
                      ) : null}
                    </p>
                    {problems.map((p) => (
                      <p key={p.code} className="line-problem" role="alert" data-testid="line-problem">
                        {p.code === 'NOT_LISTABLE_FOR_CHINA'
                          ? t.problemNotListable
                          : p.code !== 'OUT_OF_STOCK'
                            ? errorMessage(dict, p.code)
                            : p.available
                              ? fill(t.problemAvailable, { available: p.available })
                              : t.problemOutOfStock}
                      </p>
                    ))}
                    {lineError ? (
                      <p className="line-problem" role="alert">
                        {errorMessage(dict, lineError)}
                      </p>
                    ) : null}
                    {open ? (
                      <QuantityControls locale={locale} line={line} labels={t} />
                    ) : (
                      <p className="cart-line-meta">
                        {t.quantity} {line.quantity}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
            <dl className="totals">
              <dt>{t.goods}</dt>
              <dd>{money(seller.goods)}</dd>
              {seller.discount ? (
                <>
                  <dt>{t.discount}</dt>
                  <dd className="discount">−{money(seller.discount)}</dd>
                </>
              ) : null}
              <dt>{t.shipping}</dt>
              <dd>{money(seller.shipping)}</dd>
              <dt>{t.tax}</dt>
              <dd>{money(seller.tax)}</dd>
              <dt className="strong">{t.orderTotal}</dt>
              <dd className="strong">{money(seller.total)}</dd>
            </dl>
            <div className={`limit${over ? ' over' : ''}`} data-testid="order-limit">
              <p>{fill(t.orderLimit, { used: money(dutiable), limit: money(cart.orderLimit) })}</p>
              <div className="meter" aria-hidden="true">
                <span style={{ width: `${share}%` }} />
              </div>
              <p className="limit-left">
                {over
                  ? null
                  : fill(t.orderLimitLeft, { left: money(Math.max(0, cart.orderLimit - dutiable)) })}
              </p>
              {limitProblems.map((p) => (
                <p key={p.code} className="line-problem" role="alert" data-testid="order-problem" data-code={p.code}>
                  {p.code === 'SINGLE_ITEM_OVER_LIMIT'
                    ? fill(t.problemSingleItem, { value: money(p.value ?? dutiable), limit: money(p.limit ?? cart.annualLimit) })
                    : t.orderLimitOver}
                </p>
              ))}
            </div>
          </section>
        );
      })}

      <PromotionsSection locale={locale} dict={dict} cart={cart} names={names} couponError={one('couponError')} couponShort={one('couponShort')} applied={one('coupon') === 'applied'} open={open} />

      <section className="grand-total" aria-label={t.grandTotal}>
        <dl className="totals">
          <dt>{t.goods}</dt>
          <dd>{money(cart.goodsTotal)}</dd>
          {cart.discountTotal ? (
            <>
              <dt>{t.discount}</dt>
              <dd className="discount" data-testid="cart-discount">
                −{money(cart.discountTotal)}
              </dd>
            </>
          ) : null}
          <dt>{t.shipping}</dt>
          <dd>{money(cart.shippingTotal)}</dd>
          <dt>{t.tax}</dt>
          <dd>{money(cart.taxTotal)}</dd>
          <dt className="strong">{t.grandTotal}</dt>
          <dd className="strong" data-testid="cart-total">
            {money(cart.total)}
          </dd>
        </dl>
        {/* The yearly quota of the shopper's saved orderer identity, and whether this cart fits in it: shown before checkout, above its button. */}
        {identities.length ? (
          <div id="quota-card">
            <IdentityQuota locale={locale} dict={dict} identities={identities} selectedId={one('identity')} cartValue={cart.sellers.reduce((sum, seller) => sum + dutiableOf(seller.lines), 0)} />
          </div>
        ) : null}
        {open ? (
          cart.problems.length ? null : (
            <Link className="button wide" href={routes.checkout(locale)} data-testid="go-checkout">
              {t.checkout}
            </Link>
          )
        ) : null}
      </section>

      <QuotaSection
        locale={locale}
        dict={dict}
        signedIn={signedIn}
        quota={quota}
        quotaError={quotaError}
        annualLimit={cart.annualLimit}
        identities={identities}
        identityId={one('identity')}
        cartValue={cart.sellers.reduce((sum, seller) => sum + dutiableOf(seller.lines), 0)}
        cardAbove
      />
    </div>
  );
}

/** The promotions the API applied (best combination), the saving, and the coupon form. */
function PromotionsSection({
  locale,
  dict,
  cart,
  names,
  couponError,
  couponShort,
  applied,
  open,
}: {
  locale: ShopLocale;
  dict: ReturnType<typeof getDictionary>;
  cart: Cart;
  names: Map<string, string>;
  couponError?: string;
  /** `<minor units>~<currency>` still to spend (COUPON_MIN_SPEND_NOT_MET's extensions.shortfall). */
  couponShort?: string;
  applied: boolean;
  open: boolean;
}) {
  const t = dict.buy.cart;
  const money = (amount: number) => formatMoney({ amount, currency: cart.currency }, locale);
  const short = /^([1-9][0-9]{0,11})~([A-Z]{3})$/.exec(couponShort ?? '');
  return (
    <section id="coupon" className="promotions" aria-labelledby="promotions-title" data-testid="promotions">
      {/* "Promotions applied" only when one applies; otherwise the section is the coupon field. */}
      <h2 id="promotions-title">{cart.promotions.length ? t.promotionsTitle : t.couponTitle}</h2>
      {cart.promotions.length ? (
        <ul className="promotion-list">
          {cart.promotions.map((p) => (
            <li key={p.promotionId} data-testid="applied-promotion">
              <span>
                {p.name}
                {p.code ? ` (${p.code})` : ''}
                {p.fundedBy === 'PLATFORM' ? <small> · {t.platformFunded}</small> : p.museumId ? <small> · {names.get(p.museumId) ?? ''}</small> : null}
              </span>
              <span className="discount">−{money(p.amount)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {cart.discountTotal ? (
        <p className="notice ok saving" role="status" data-testid="cart-saving">
          {fill(t.saving, { amount: money(cart.discountTotal) })}
        </p>
      ) : null}
      {cart.coupon?.problem ? (
        <p className="notice error" role="alert" data-testid="coupon-problem">
          {fill(t.couponNotApplied, { code: cart.coupon.code })} {errorMessage(dict, cart.coupon.problem)}
          {cart.coupon.shortfall ? (
            <>
              {' '}
              <strong data-testid="coupon-shortfall">{fill(t.couponSpendMore, { amount: formatMoney(cart.coupon.shortfall, locale) })}</strong>
            </>
          ) : null}
        </p>
      ) : null}
      {couponError ? (
        <p className="notice error" role="alert" data-testid="coupon-error">
          {errorMessage(dict, couponError)}
          {couponError === 'COUPON_MIN_SPEND_NOT_MET' && short ? (
            <>
              {' '}
              <strong data-testid="coupon-shortfall">{fill(t.couponSpendMore, { amount: formatMoney({ amount: Number(short[1]), currency: short[2]! }, locale) })}</strong>
            </>
          ) : null}
        </p>
      ) : null}
      {open ? (
        cart.coupon ? (
          // The coupon is named once: here when it applies ("coupon X applied", announced just after
          // applying it), in the problem notice above when it does not; the form only removes it.
          <form action={removeCoupon} className="coupon-form">
            <input type="hidden" name="locale" value={locale} />
            {cart.coupon.problem ? null : (
              <span className="coupon-code" role={applied ? 'status' : undefined} data-testid="coupon-applied">
                {fill(t.couponApplied, { code: cart.coupon.code })}
              </span>
            )}
            <button type="submit" className="link-button">
              {t.couponRemove}
            </button>
          </form>
        ) : (
          <form action={applyCoupon} className="coupon-form">
            <input type="hidden" name="locale" value={locale} />
            <label>
              {t.couponLabel}
              <input name="code" required autoComplete="off" autoCapitalize="characters" maxLength={32} data-testid="coupon-input" />
            </label>
            <button type="submit" className="button secondary" data-testid="coupon-apply">
              {t.couponApply}
            </button>
          </form>
        )
      ) : null}
    </section>
  );
}

function QuantityControls({
  locale,
  line,
  labels,
}: {
  locale: ShopLocale;
  line: CartLine;
  labels: ReturnType<typeof getDictionary>['buy']['cart'];
}) {
  const form = (quantity: number, text: string, aria: string, className = 'qty-button') => (
    <form action={setQuantity}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="variantId" value={line.variantId} />
      <input type="hidden" name="quantity" value={quantity} />
      <button type="submit" className={className} aria-label={aria}>
        {text}
      </button>
    </form>
  );
  return (
    <div className="qty-row">
      <div className="qty" role="group" aria-label={labels.quantity}>
        {form(line.quantity - 1, '−', fill(labels.decrease, { name: line.name }))}
        <output aria-live="polite" data-testid="line-quantity">
          {line.quantity}
        </output>
        {form(line.quantity + 1, '+', fill(labels.increase, { name: line.name }))}
      </div>
      {form(0, labels.remove, `${labels.remove} ${line.name}`, 'link-button')}
    </div>
  );
}

/** The yearly limit and, signed in, the remaining quota of an identity (remainingAnnualQuota, by a server action). */
function QuotaSection({
  locale,
  dict,
  signedIn,
  quota,
  quotaError,
  annualLimit,
  identities,
  identityId,
  cartValue,
  cardAbove = false,
}: {
  locale: ShopLocale;
  dict: ReturnType<typeof getDictionary>;
  signedIn: boolean;
  quota?: string[];
  quotaError?: string;
  /** The API's yearly limit (from the cart); null when there is no cart to ask. */
  annualLimit: number | null;
  /** The shopper's saved orderer identities with their quota, and the one picked (`?identity=`). */
  identities: SavedIdentityQuota[];
  identityId?: string;
  /** What this cart counts against an identity's quota; null without a cart. */
  cartValue: number | null;
  /** The saved identities' quota card is shown above the checkout button, not again here. */
  cardAbove?: boolean;
}) {
  const t = dict.buy.cart;
  const money = (amount: number) => formatMoney({ amount, currency: 'CNY' }, locale);
  return (
    <section id="quota" className="quota" aria-labelledby="quota-title">
      <h2 id="quota-title">{dict.buy.quota.title}</h2>
      {quota || annualLimit !== null ? <p>{fill(t.yearlyLimit, { limit: money(quota ? Number(quota[2]) : annualLimit!) })}</p> : null}
      <p className="buy-note">{t.yearlyLimitNote}</p>
      {identities.length && !cardAbove ? <IdentityQuota locale={locale} dict={dict} identities={identities} selectedId={identityId} cartValue={cartValue} /> : null}
      {quota ? (
        <p className="notice ok" role="status" data-testid="quota-result">
          {quota[0] === '1'
            ? fill(dict.buy.quota.remaining, {
                remaining: money(Number(quota[1])),
                limit: money(Number(quota[2])),
                id: quota[3] ?? '',
              })
            : fill(dict.buy.quota.notCounted, { limit: money(Number(quota[2])) })}
        </p>
      ) : null}
      {quotaError ? (
        <p className="notice error" role="alert">
          {errorMessage(dict, quotaError)}
        </p>
      ) : null}
      {signedIn ? (
        <form action={checkQuota} className="stack">
          <p className="buy-note">{identities.length ? dict.buy.quota.otherIntro : dict.buy.quota.intro}</p>
          <input type="hidden" name="locale" value={locale} />
          <label>
            {dict.buy.checkout.realName}
            <input name="name" required autoComplete="name" maxLength={50} />
          </label>
          <label>
            {dict.buy.checkout.residentId}
            <input
              name="residentId"
              required
              inputMode="text"
              autoComplete="off"
              maxLength={18}
              pattern="[0-9]{17}[0-9Xx]"
            />
          </label>
          <button type="submit" className="button secondary">
            {dict.buy.quota.check}
          </button>
        </form>
      ) : null}
    </section>
  );
}
