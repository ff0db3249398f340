import { fill, errorMessage, type Dictionary } from '../../i18n/dictionary';
import { dropsEn } from '../../i18n/dictionaries/drops/en';
import { dropsFr } from '../../i18n/dictionaries/drops/fr';
import { dropsZhCN } from '../../i18n/dictionaries/drops/zh-CN';
import type { ShopLocale } from '../../i18n/locales';
import type { ProductDetail, Variant } from '../../lib/api/catalog';
import { formatMoney } from '../../lib/format/money';
import { routes } from '../../lib/routes';
import { optionNames, optionValues, variantFor } from '../../lib/variants';
import { Img } from '../Img';
import { Share } from '../Share';

// "Notify me when it is back" (issue 22) speaks with the drop page's texts.
const DROP_TEXTS = { 'zh-CN': dropsZhCN, en: dropsEn, fr: dropsFr } as const;

const regionNames = new Map<string, Intl.DisplayNames>();
function regionName(locale: string, code: string): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
  return names.of(code) ?? code;
}

/** What the URL says about the last form post: `added=<n>`, `error=<CODE>`, `notify=1`. */
export interface ProductOutcome {
  added: string | null;
  error: string | null;
  notified: string | null;
}

/**
 * The product page's content (gallery, options, price, tax, availability, add to cart, notify me,
 * share, details, the story of the work). Server-rendered HTML that works without JavaScript: the
 * variant picker is links, the forms post to route handlers (ADR 0027). Plain <a> rather than
 * next/link: without Next's runtime in the browser a Link is the same <a>, and it costs a router
 * lookup and URL formatting per link on every render (issue 17, bench:shop).
 */
export function ProductView({ locale, dict, product: p, variant, outcome }: { locale: ShopLocale; dict: Dictionary; product: ProductDetail; variant: Variant; outcome: ProductOutcome }) {
  const offers = new Map(p.offers.map((o) => [o.variantId, o]));
  const offer = offers.get(variant.id);
  const media = [...p.media].sort((a, b) => a.position - b.position);
  const names = optionNames(p.variants);
  const { added, error, notified } = outcome;
  const label = (name: string) => dict.optionNames[name] ?? name;
  const availability = !offer?.inStock ? 'out' : offer.lowStock ? 'low' : 'in';

  return (
    <article className="product" data-testid="product">
      <p className="breadcrumb">
        <a href={routes.storefront(locale, p.storefront.slug)}>{p.storefront.name}</a>
        {' · '}
        <a href={routes.search(locale, { category: p.category })}>{dict.categories[p.category] ?? p.category}</a>
      </p>

      {media.length ? (
        // A region that scrolls sideways: focusable, so keyboard users can scroll it too.
        <div className="gallery" role="region" aria-label={p.name} tabIndex={0} data-testid="gallery">
          <ul>
          {media.map((m, i) => (
            <li key={m.id}>
              <Img url={m.url} alt={m.alt || `${p.name}, ${fill(dict.product.imageOf, { index: i + 1, count: media.length })}`} widths={[390, 780]} sizes="(min-width: 720px) 50vw, 100vw" priority={i === 0} className="gallery-image" />
            </li>
          ))}
          </ul>
        </div>
      ) : null}

      <h1>{p.name}</h1>
      {p.coBrandedWith ? (
        <p className="badge co-branded" data-testid="co-branded">
          {fill(dict.product.coBranded, { brand: p.coBrandedWith })}
        </p>
      ) : null}

      <div className="buy-box" id="buy">
        <p className="price-line">
          <span className="price big" data-testid="price">
            {formatMoney(variant.price, locale)}
          </span>
          <span className={`stock ${availability}`} data-testid="availability">
            {availability === 'out' ? dict.product.outOfStock : availability === 'low' ? dict.product.lowStock : dict.product.inStock}
          </span>
        </p>
        {offer?.taxEstimate ? (
          <p className="tax" data-testid="tax-estimate">
            {fill(dict.product.taxEstimate, { amount: formatMoney(offer.taxEstimate, locale) })}
            <span className="note">{dict.product.taxNote}</span>
          </p>
        ) : null}

        {names.map((name) => (
          <fieldset key={name} className="option-group">
            <legend>{fill(dict.product.chooseOption, { name: label(name) })}</legend>
            <ul>
              {optionValues(p.variants, name).map((value) => {
                const target = variantFor(p.variants, variant, name, value);
                const current = variant.options[name] === value;
                const soldOut = target ? !offers.get(target.id)?.inStock : true;
                return (
                  <li key={value}>
                    {/* To the buy box: a full page load (no client router here) would start at the top. */}
                    <a
                      href={`${routes.product(locale, p.id)}?v=${target?.id ?? variant.id}#buy`}
                      className={`option${current ? ' current' : ''}${soldOut ? ' sold-out' : ''}`}
                      aria-current={current ? 'true' : undefined}
                    >
                      {value}
                    </a>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}

        <form action={routes.productCart(locale, p.id)} method="post" className="add-to-cart">
          <input type="hidden" name="variantId" value={variant.id} />
          <label>
            <span>{dict.product.quantity}</span>
            <select name="quantity" defaultValue="1" disabled={!offer?.inStock}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!offer?.inStock} data-testid="add-to-cart">
            {dict.product.addToCart}
          </button>
        </form>
        {/* Once asked, the confirmation takes the button's place: asking again would change nothing. */}
        {availability === 'out' && !notified ? (
          <form action={routes.productNotify(locale, p.id)} method="post" className="notify-back">
            <input type="hidden" name="variantId" value={variant.id} />
            <button type="submit" className="button" data-testid="notify-back">
              {DROP_TEXTS[locale].notifyBack}
            </button>
          </form>
        ) : null}
        <div role="status" className="outcome">
          {availability === 'out' && notified ? (
            <p className="ok" data-testid="notify-back-done">
              {DROP_TEXTS[locale].notifyBackDone}
            </p>
          ) : null}
          {added ? (
            <p className="ok" data-testid="added">
              {dict.product.added} · <a href={routes.cart(locale)}>{dict.product.viewCart}</a>
            </p>
          ) : null}
          {error ? (
            <p className="field-error" data-testid="add-error">
              {errorMessage(dict, error)}
            </p>
          ) : null}
        </div>
      </div>

      <Share dict={dict} kind="p" code={p.shortCode} name={p.name} />

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{dict.product.details}</h2>
        <p className="description">{p.description}</p>
        <dl className="facts">
          <div>
            <dt>{dict.product.origin}</dt>
            <dd>{regionName(locale, variant.originCountry)}</dd>
          </div>
        </dl>
        <p className="note">{fill(dict.product.fxNote, { rate: p.fx.rate.replace(/(\.\d{4})\d+$/, '$1') })}</p>
      </section>

      {p.inspiredBy.length ? (
        <section aria-labelledby="story-heading" data-testid="story">
          <h2 id="story-heading">{dict.product.story}</h2>
          {p.inspiredBy.map((w) => (
            <div key={w.id} className="work-story">
              {w.imageUrl ? <Img url={w.imageUrl} alt={w.title} widths={[160, 320]} sizes="40vw" className="work-thumb" /> : null}
              <div>
                <h3>
                  <a href={routes.artwork(locale, p.storefront.slug, w.id)}>{w.title}</a>
                </h3>
                <p>
                  {w.artist}
                  {w.period ? `, ${w.period}` : ''}
                </p>
                <dl className="facts compact">
                  <div>
                    <dt>{dict.artwork.accessionNumber}</dt>
                    <dd>{w.accessionNumber}</dd>
                  </div>
                  <div>
                    <dt>{dict.artwork.creditLine}</dt>
                    <dd>{w.creditLine}</dd>
                  </div>
                </dl>
              </div>
            </div>
          ))}
          <p className="story">{p.storefront.story}</p>
        </section>
      ) : null}
    </article>
  );
}
