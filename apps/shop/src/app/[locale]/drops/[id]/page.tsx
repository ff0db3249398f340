import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DropClock } from '../../../../components/drops/DropClock';
import { errorMessage, fill, getDictionary } from '../../../../i18n/dictionary';
import { dropsEn } from '../../../../i18n/dictionaries/drops/en';
import { dropsFr } from '../../../../i18n/dictionaries/drops/fr';
import { dropsZhCN } from '../../../../i18n/dictionaries/drops/zh-CN';
import type { DropsDictionary } from '../../../../i18n/drops-types';
import type { ShopLocale } from '../../../../i18n/locales';
import { localeOf } from '../../../../i18n/server';
import { Img } from '../../../../components/Img';
import { isId, product as readProduct, type ProductDetail, type Variant } from '../../../../lib/api/catalog';
import { isShopApiError } from '../../../../lib/api/errors';
import { shopDrop, type ShopDrop } from '../../../../lib/api/drops';
import { formatMoney } from '../../../../lib/format/money';
import { orNotFound } from '../../../../lib/api/not-found';
import { isSignedIn } from '../../../../lib/api/session';
import { routes } from '../../../../lib/routes';
import { buyDrop, joinDrop, notifyWhenOpen } from './actions';
import '../../../drops.css';

type Params = Promise<{ locale: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const TEXTS: Record<ShopLocale, DropsDictionary> = { 'zh-CN': dropsZhCN, en: dropsEn, fr: dropsFr };

// Per shopper and per second (place in the queue, turn): never cached.
export const dynamic = 'force-dynamic';

/** The piece the drop sells, as the shop window shows it (name in the page's language); null when the shop window no longer shows it. */
async function pieceOf(locale: ShopLocale, drop: ShopDrop): Promise<{ product: ProductDetail; variant: Variant } | null> {
  try {
    const product = await readProduct(locale, drop.productId);
    const variant = product.variants.find((v) => v.id === drop.variantId);
    return variant ? { product, variant } : null;
  } catch (e) {
    if (isShopApiError(e) && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await localeOf(params);
  const { id } = await params;
  const t = TEXTS[locale];
  // The drop and its piece are React-cached reads, shared with the page's body.
  const drop = isId(id) ? await shopDrop(id).catch(() => null) : null;
  const piece = drop ? await pieceOf(locale, drop) : null;
  return { title: piece ? fill(t.titleOf, { name: piece.product.name }) : t.title };
}

export default async function DropPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const locale = await localeOf(params);
  const { id } = await params;
  if (!isId(id)) notFound();
  const q = await searchParams;
  const t = TEXTS[locale];
  const dict = getDictionary(locale);
  const [drop, signedIn] = await Promise.all([orNotFound(shopDrop(id)), isSignedIn()]);
  const piece = await pieceOf(locale, drop);
  const entry = drop.myEntry;
  const error = typeof q['error'] === 'string' ? errorMessage(dict, q['error']) : null;
  const accepting = drop.mode === 'QUEUE' ? drop.status === 'SCHEDULED' || drop.status === 'ALLOCATING' : drop.status === 'REGISTRATION';
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="dropId" value={drop.id} />
    </>
  );
  const entryText = (() => {
    if (!entry) return null;
    switch (entry.status) {
      case 'WAITING':
        if (entry.placeInQueue !== null) return fill(t.place, { place: entry.placeInQueue });
        return drop.mode === 'QUEUE' ? t.waitingStart : t.registered;
      case 'CHECKED_OUT':
        return t.checkedOut;
      case 'PAID':
        return t.paid;
      case 'EXPIRED':
        return t.expired;
      case 'NOT_SELECTED':
        return t.notSelected;
      case 'VOIDED':
        return t.voided;
      default:
        return null;
    }
  })();
  return (
    <div className="drop-page" data-testid="drop-page">
      <h1>{t.title}</h1>
      <p className="drop-mode">
        <span className="drop-badge">{drop.mode === 'QUEUE' ? t.queue : t.draw}</span> <span data-testid="drop-status">{t.status[drop.status]}</span>
      </p>
      {piece ? (
        <DropPiece locale={locale} t={t} optionNames={dict.optionNames} drop={drop} product={piece.product} variant={piece.variant} />
      ) : (
        <p data-testid="drop-edition">{fill(t.edition, { edition: drop.editionSize, limit: drop.perIdentityLimit })}</p>
      )}
      <p className="drop-how">{drop.mode === 'QUEUE' ? t.queueHow : t.drawHow}</p>
      {drop.status === 'SCHEDULED' && <DropClock until={drop.startsAt} template={t.startsIn} testId="drop-countdown" />}
      {drop.status === 'REGISTRATION' && drop.registrationClosesAt && <DropClock until={drop.registrationClosesAt} template={t.closesIn} testId="drop-countdown" />}
      {error && (
        <p className="drop-error" role="alert" data-testid="drop-error">
          {error}
        </p>
      )}
      {q['joined'] && !error && <p className="drop-ok">{t.joined}</p>}
      {q['notify'] && !error && <p className="drop-ok">{t.notifyDone}</p>}

      {entryText && (
        <p className="drop-entry" data-testid="drop-entry">
          {entryText}
        </p>
      )}
      {entry?.status === 'ADMITTED' && entry.turnEndsAt && (
        <form action={buyDrop} className="drop-buy" data-testid="drop-turn">
          {hidden}
          <p className="drop-turn">
            {drop.mode === 'DRAW' && <strong>{t.won} </strong>}
            <DropClock until={entry.turnEndsAt} template={t.yourTurn} testId="drop-turn-clock" />
          </p>
          <input type="hidden" name="variantId" value={drop.variantId} />
          <label>
            {t.quantity}{' '}
            <input type="number" name="quantity" min={1} max={drop.perIdentityLimit} defaultValue={1} />
          </label>
          <button type="submit" className="button primary">
            {t.buy}
          </button>
        </form>
      )}

      {!entry && accepting && signedIn && (
        <form action={joinDrop} className="drop-join">
          {hidden}
          <label htmlFor="residentId">{t.residentId}</label>
          <input id="residentId" name="residentId" inputMode="text" autoComplete="off" maxLength={18} required pattern="[0-9]{17}[0-9Xx]" />
          <small>{t.residentIdHint}</small>
          <button type="submit" className="button primary" data-testid="drop-join">
            {drop.mode === 'QUEUE' ? t.join : t.register}
          </button>
        </form>
      )}
      {!signedIn && accepting && (
        <p>
          <Link className="button primary" href={routes.signIn(locale, routes.drop(locale, drop.id))}>
            {t.signIn}
          </Link>
        </p>
      )}
      {drop.status === 'SCHEDULED' && signedIn && (
        <form action={notifyWhenOpen}>
          {hidden}
          <button type="submit" className="button" data-testid="drop-notify">
            {t.notifyOpen}
          </button>
        </form>
      )}
      {drop.seedHash && (
        <details className="drop-verify">
          <summary>{t.verify}</summary>
          <p>
            {t.seedHash}: <code>{drop.seedHash}</code>
          </p>
          {drop.seed && (
            <p>
              {t.seed}: <code>{drop.seed}</code>
            </p>
          )}
          {drop.seed && <p>{fill(t.drawList, { count: drop.drawList.length })}</p>}
        </details>
      )}
      {piece ? null : (
        <p>
          <Link href={routes.product(locale, drop.productId)}>{t.seeProduct}</Link>
        </p>
      )}
    </div>
  );
}

/** The piece on sale: picture, name in the page's language, the variant's options, CNY price, edition and per-person limit. */
function DropPiece({
  locale,
  t,
  optionNames,
  drop,
  product,
  variant,
}: {
  locale: ShopLocale;
  t: DropsDictionary;
  optionNames: Record<string, string>;
  drop: ShopDrop;
  product: ProductDetail;
  variant: Variant;
}) {
  const image = [...product.media].sort((a, b) => a.position - b.position)[0];
  const options = Object.entries(variant.options);
  return (
    <section className="drop-piece" aria-labelledby="drop-piece-name" data-testid="drop-product">
      {image ? (
        <Img url={image.url} alt={product.name} widths={[390, 780]} sizes="(min-width: 720px) 40rem, 100vw" priority className="drop-piece-image" />
      ) : null}
      <div className="drop-piece-text">
        <h2 id="drop-piece-name" data-testid="drop-product-name">
          {product.name}
        </h2>
        {options.length ? (
          <p className="drop-piece-options">
            {options.map(([name, value]) => `${optionNames[name] ?? name}: ${value}`).join(' · ')}
          </p>
        ) : null}
        <p className="price big" data-testid="drop-price">
          {formatMoney(variant.price, locale)}
        </p>
        <p data-testid="drop-edition">{fill(t.edition, { edition: drop.editionSize, limit: drop.perIdentityLimit })}</p>
        <Link href={`${routes.product(locale, product.id)}?v=${variant.id}`} data-testid="drop-product-link">
          {t.seeProduct}
        </Link>
      </div>
    </section>
  );
}
