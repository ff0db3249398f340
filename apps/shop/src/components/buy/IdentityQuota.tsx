import { fill, type Dictionary } from '../../i18n/dictionary';
import type { ShopLocale } from '../../i18n/locales';
import type { IdentityQuota as Quota } from '../../lib/api/buy';
import { formatMoney } from '../../lib/format/money';
import { routes } from '../../lib/routes';

/**
 * The remaining yearly quota of one of the shopper's saved orderer identities (picked in a plain
 * GET form, so it works before JavaScript), and whether this cart fits in it: shown before
 * checkout's ANNUAL_LIMIT_EXCEEDED. `cartValue` is what the cart counts against the quota (the
 * dutiable value of its orders, as checkout counts it); null without a cart.
 */
export function IdentityQuota({
  locale,
  dict,
  identities,
  selectedId,
  cartValue,
}: {
  locale: ShopLocale;
  dict: Dictionary;
  identities: Quota[];
  selectedId?: string;
  cartValue: number | null;
}) {
  const t = dict.buy.quota;
  const selected = identities.find((i) => i.id === selectedId) ?? identities[0];
  if (!selected?.annualQuota) return null;
  const money = (amount: number) => formatMoney({ amount, currency: 'CNY' }, locale);
  const { remaining, limit, used } = selected.annualQuota;
  const share = limit.amount ? Math.min(100, Math.round((used.amount * 100) / limit.amount)) : 0;
  const over = cartValue !== null && cartValue > remaining.amount;
  return (
    <div className={`identity-quota limit${over ? ' over' : ''}`} data-testid="identity-quota">
      <p className="buy-note">{t.savedIntro}</p>
      {identities.length > 1 ? (
        <form method="get" action={`${routes.cart(locale)}#${cartValue === null ? 'quota' : 'quota-card'}`} className="identity-pick">
          <label>
            {t.orderer}
            <select name="identity" defaultValue={selected.id} data-testid="identity-select">
              {identities.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.residentIdMasked}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button secondary">
            {t.show}
          </button>
        </form>
      ) : null}
      <p data-testid="identity-quota-remaining">{fill(t.remaining, { id: selected.residentIdMasked, remaining: money(remaining.amount), limit: money(limit.amount) })}</p>
      <div className="meter" aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </div>
      {cartValue ? (
        over ? (
          <p className="line-problem" role="alert" data-testid="identity-quota-over">
            {fill(t.cartOver, { value: money(cartValue), remaining: money(remaining.amount) })}
          </p>
        ) : (
          <p className="limit-left" data-testid="identity-quota-after">
            {fill(t.cartFits, { value: money(cartValue), left: money(remaining.amount - cartValue) })}
          </p>
        )
      ) : null}
    </div>
  );
}
