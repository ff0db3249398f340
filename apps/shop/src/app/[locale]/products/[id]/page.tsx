import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Img } from '../../../../components/Img';
import { Share } from '../../../../components/Share';
import { errorMessage, fill, getDictionary } from '../../../../i18n/dictionary';
import { localeOf } from '../../../../i18n/server';
import { isId, product as readProduct, type ProductDetail } from '../../../../lib/api/catalog';
import { orNotFound } from '../../../../lib/api/not-found';
import { formatMoney } from '../../../../lib/format/money';
import { routes } from '../../../../lib/routes';
import { pageMetadata } from '../../../../lib/seo';
import { optionNames, optionValues, selectedVariant, variantFor } from '../../../../lib/variants';
import { addToCart } from './actions';
import { notifyBackInStock } from '../../drops/[id]/actions';
import { dropsEn } from '../../../../i18n/dictionaries/drops/en';
import { dropsFr } from '../../../../i18n/dictionaries/drops/fr';
import { dropsZhCN } from '../../../../i18n/dictionaries/drops/zh-CN';

// "Notify me when it is back" (issue 22) speaks with the drop page's texts.
const DROP_TEXTS = { 'zh-CN': dropsZhCN, en: dropsEn, fr: dropsFr } as const;

type Params = Promise<{ locale: string; id: string }>;
type Query = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const regionNames = new Map<string, Intl.DisplayNames>();
function regionName(locale: string, code: string): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
  return names.of(code) ?? code;
}

async function load(locale: Parameters<typeof readProduct>[0], id: string): Promise<ProductDetail> {
  if (!isId(id)) notFound();
  return orNotFound(readProduct(locale, id));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await localeOf(params);
  const { id } = await params;
  const p = await load(locale, id);
  const image = [...p.media].sort((a, b) => a.position - b.position)[0]?.url;
  return pageMetadata(locale, (l) => routes.product(l, id), { title: p.name, description: p.description, image });
}

export default async function ProductPage({ params, searchParams }: { params: Params; searchParams: Query }) {
  const locale = await localeOf(params);
  const { id } = await params;
  const query = await searchParams;
  const dict = getDictionary(locale);
  const p = await load(locale, id);
  const offers = new Map(p.offers.map((o) => [o.variantId, o]));
  const variant = selectedVariant(p.variants, first(query['v']), (v) => offers.get(v.id)?.inStock ?? false);
  if (!variant) notFound();
  const offer = offers.get(variant.id);
  const media = [...p.media].sort((a, b) => a.position - b.position);
  const names = optionNames(p.variants);
  const added = first(query['added']);
  const error = first(query['error']);
  const notified = first(query['notify']);
  const label = (name: string) => dict.optionNames[name] ?? name;
  const availability = !offer?.inStock ? 'out' : offer.lowStock ? 'low' : 'in';

  return (
    <article className="product" data-testid="product">
      <p className="breadcrumb">
        <Link href={routes.storefront(locale, p.storefront.slug)}>{p.storefront.name}</Link>
        {' · '}
        <Link href={routes.search(locale, { category: p.category })}>{dict.categories[p.category] ?? p.category}</Link>
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
                    <Link
                      href={`${routes.product(locale, p.id)}?v=${target?.id ?? variant.id}`}
                      className={`option${current ? ' current' : ''}${soldOut ? ' sold-out' : ''}`}
                      aria-current={current ? 'true' : undefined}
                      scroll={false}
                      replace
                    >
                      {value}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}

        <form action={addToCart} className="add-to-cart">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="productId" value={p.id} />
          <input type="hidden" name="variantId" value={variant.id} />
          <label>
            <span>{dict.product.quantity}</span>
            <select name="quantity" defaultValue="1">
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
        {availability === 'out' ? (
          <form action={notifyBackInStock} className="notify-back">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="productId" value={p.id} />
            <input type="hidden" name="variantId" value={variant.id} />
            <button type="submit" className="button" data-testid="notify-back">
              {DROP_TEXTS[locale].notifyBack}
            </button>
            {notified ? <p className="ok" data-testid="notify-back-done">{DROP_TEXTS[locale].notifyBackDone}</p> : null}
          </form>
        ) : null}
        <div role="status" className="outcome">
          {added ? (
            <p className="ok" data-testid="added">
              {dict.product.added} · <Link href={routes.cart(locale)}>{dict.product.viewCart}</Link>
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
                  <Link href={routes.artwork(locale, p.storefront.slug, w.id)}>{w.title}</Link>
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
