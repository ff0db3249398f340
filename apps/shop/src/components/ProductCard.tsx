import { fill, type Dictionary } from '../i18n/dictionary';
import type { ShopLocale } from '../i18n/locales';
import type { ProductCardData } from '../lib/api/catalog';
import { routes } from '../lib/routes';
import { Img } from './Img';
import { Price } from './Price';

/** `source`: the source marker the card's link carries (the search results': search-<term>), kept by the product page for checkout. */
export function ProductCard({ product, locale, dict, priority = false, source }: { product: ProductCardData; locale: ShopLocale; dict: Dictionary; priority?: boolean; source?: string }) {
  const image = [...product.media].sort((a, b) => a.position - b.position)[0];
  return (
    <li className="product-card" data-testid="product-card">
      {/* A plain link: the product page is outside the App Router (ADR 0027), its router would fetch it twice. */}
      <a href={routes.product(locale, product.id, source)}>
        {image ? (
          <Img url={image.url} alt="" widths={[200, 400]} sizes="(min-width: 720px) 25vw, 50vw" priority={priority} className="product-card-image" />
        ) : (
          <span className="image-placeholder" aria-hidden="true" />
        )}
        <span className="product-card-name">{product.name}</span>
        {product.coBrandedWith ? <span className="badge">{fill(dict.product.coBranded, { brand: product.coBrandedWith })}</span> : null}
        <Price money={product.priceFrom} locale={locale} dict={dict} from />
        {product.inStock ? null : <span className="stock out">{dict.product.outOfStock}</span>}
      </a>
    </li>
  );
}

export function ProductGrid({ products, locale, dict, eager = 0, source }: { products: ProductCardData[]; locale: ShopLocale; dict: Dictionary; eager?: number; source?: string }) {
  return (
    <ul className="product-grid">
      {products.map((p, i) => (
        <ProductCard key={p.id} product={p} locale={locale} dict={dict} priority={i < eager} source={source} />
      ))}
    </ul>
  );
}
