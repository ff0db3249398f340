import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DropLive } from '../../../../components/drops/DropLive';
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
import { dropEventsUrl, shopDrop, type ShopDrop } from '../../../../lib/api/drops';
import { formatMoney } from '../../../../lib/format/money';
import { orNotFound } from '../../../../lib/api/not-found';
import { isSignedIn } from '../../../../lib/api/session';
import { routes } from '../../../../lib/routes';
import { buyDrop, joinDrop, notifyWhenOpen } from './actions';
import '../../../drops.css';

type Params = Promise<{ locale: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const TEXTS: Record<ShopLocale, DropsDictionary> = { 'zh-CN': dropsZhCN, en: dropsEn, fr: dropsFr };

// Per shopper (their entry, their stream token): never cached. What moves comes by the drop's stream.
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
  // The join form's refusal, told under its field while the form shows.
  const joinError = error && q['at'] === 'join' && !entry ? error : null;
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="dropId" value={drop.id} />
    </>
  );
  return (
    <div className="drop-page" data-testid="drop-page">
      <h1>{t.title}</h1>
      {piece ? (
        <DropPiece locale={locale} t={t} optionNames={dict.optionNames} drop={drop} product={piece.product} variant={piece.variant} />
      ) : (
        <p data-testid="drop-edition">{fill(t.edition, { edition: drop.editionSize, limit: drop.perIdentityLimit })}</p>
      )}
      <p className="drop-how">{drop.mode === 'QUEUE' ? t.queueHow : t.drawHow}</p>
      {error && !joinError && (
        <p className="drop-error" role="alert" data-testid="drop-error">
          {error}
        </p>
      )}
      {q['joined'] && !error && <p className="drop-ok">{t.joined}</p>}
      {q['notify'] && !error && <p className="drop-ok">{t.notifyDone}</p>}
      <DropLive
        // Read again (a join, a new token): the stream starts over from the new reading.
        key={`${entry?.id ?? ''}:${drop.myStreamToken ?? ''}`}
        locale={locale}
        t={t}
        eventsUrl={dropEventsUrl(drop.id, drop.myStreamToken)}
        initial={{
          dropId: drop.id,
          mode: drop.mode,
          status: drop.status,
          startsAt: drop.startsAt,
          registrationClosesAt: drop.registrationClosesAt,
          editionSize: drop.editionSize,
          remaining: null,
          waiting: null,
          soldOut: false,
          soldOutAt: null,
          seedHash: drop.seedHash,
          seed: drop.seed,
          drawnAt: null,
          drawCount: drop.drawList.length,
        }}
        initialEntry={
          entry
            ? {
                id: entry.id,
                status: entry.status,
                placeInQueue: entry.placeInQueue,
                admittedAt: null,
                turnEndsAt: entry.turnEndsAt,
                // Until the stream's first frame: a drawn entry still waiting is on the waitlist (not "in the queue").
                drawResult: drop.mode === 'DRAW' && drop.seed !== null && entry.status === 'WAITING' ? 'WAITLIST' : null,
              }
            : null
        }
        buy={buyDrop}
        hidden={hidden}
        variantId={drop.variantId}
        perIdentityLimit={drop.perIdentityLimit}
        drawList={drop.drawList}
        whileAccepting={
          signedIn ? (
            <form action={joinDrop} className="drop-join">
              {hidden}
              <label htmlFor="residentId">{t.residentId}</label>
              <input
                id="residentId"
                name="residentId"
                inputMode="text"
                autoComplete="off"
                maxLength={18}
                required
                pattern="[0-9]{17}[0-9Xx]"
                aria-invalid={joinError ? true : undefined}
                aria-describedby={joinError ? 'residentId-error residentId-hint' : 'residentId-hint'}
              />
              {joinError && (
                <p className="drop-error" id="residentId-error" role="alert" data-testid="drop-error">
                  {joinError}
                </p>
              )}
              <small id="residentId-hint">{t.residentIdHint}</small>
              <button type="submit" className="button primary" data-testid="drop-join">
                {drop.mode === 'QUEUE' ? t.join : t.register}
              </button>
            </form>
          ) : (
            <p>
              <Link className="button primary" href={routes.signIn(locale, routes.drop(locale, drop.id))}>
                {t.signIn}
              </Link>
            </p>
          )
        }
        whileScheduled={
          signedIn ? (
            <form action={notifyWhenOpen}>
              {hidden}
              <button type="submit" className="button" data-testid="drop-notify">
                {t.notifyOpen}
              </button>
            </form>
          ) : null
        }
      />
      {piece ? null : (
        <p>
          <a href={routes.product(locale, drop.productId)}>{t.seeProduct}</a>
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
        {/* Plain links to the product page: it is outside the App Router (ADR 0027). */}
        <a href={`${routes.product(locale, product.id)}?v=${variant.id}`} data-testid="drop-product-link">
          {t.seeProduct}
        </a>
      </div>
    </section>
  );
}
