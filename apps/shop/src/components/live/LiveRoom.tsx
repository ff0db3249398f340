'use client';
// The live page in the browser: the session's state from its update stream (Server-Sent Events:
// a snapshot, then pin / flash / announcement / stock), applied without reloading; the flash
// price's countdown ticks against the server's clock. A session the host cancels while viewers
// wait says so at once (the `cancelled` event), and the page stops listening: the stream ends,
// and reconnecting would only get 404. An embeddable stream (the API's `player`) plays in the
// page above the pinned product; a link-only platform's stream opens in a new tab.
import Link from 'next/link';
import { useActionState, useEffect, useMemo, useState } from 'react';
import type { LiveDictionary } from '../../i18n/live-types';
import { EMPTY_LIVE_ADD, type LiveAddState } from '../../lib/live-add';
import type { LiveFlash, LiveProduct, LiveStateView } from '../../lib/live';

export interface LiveRoomProps {
  locale: string;
  initial: LiveStateView;
  eventsUrl: string;
  cartHref: string;
  t: LiveDictionary;
  /** The shopper's messages for the API's codes (dict.errors). */
  errors: Record<string, string>;
  action: (prev: LiveAddState, formData: FormData) => Promise<LiveAddState>;
  /** The server's clock when it rendered the page: the first client render reads the same, so hydration matches. */
  renderedAt: number;
}

type LiveEvent =
  | { type: 'snapshot'; state: LiveStateView; serverTime: string }
  | { type: 'pin'; productId: string | null }
  | { type: 'flash'; flash: LiveFlash }
  | { type: 'announcement'; announcement: { id: string; body: string; at: string } }
  | { type: 'stock'; products: { productId: string; available: number }[] }
  | { type: 'cancelled'; at: string };

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? String(v[k]) : m));

function apply(state: LiveStateView, e: LiveEvent): LiveStateView {
  switch (e.type) {
    case 'snapshot':
      return e.state;
    case 'pin':
      return { ...state, pinnedProductId: e.productId };
    case 'flash':
      return { ...state, flashes: [...state.flashes.filter((f) => f.productId !== e.flash.productId), e.flash] };
    case 'announcement':
      return state.announcements.some((a) => a.id === e.announcement.id) ? state : { ...state, announcements: [e.announcement, ...state.announcements].slice(0, 20) };
    case 'stock': {
      const moved = new Map(e.products.map((p) => [p.productId, p.available]));
      return { ...state, products: state.products.map((p) => (moved.has(p.productId) ? { ...p, available: moved.get(p.productId)! } : p)) };
    }
    case 'cancelled':
      return { ...state, pinnedProductId: null };
  }
}

function money(locale: string, minor: number, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minor % 100 === 0 ? 0 : 2 }).format(minor / 100);
}

export function LiveRoom({ locale, initial, eventsUrl, cartHref, t, errors, action, renderedAt }: LiveRoomProps) {
  const [state, setState] = useState(initial);
  const [online, setOnline] = useState(true);
  const [cancelled, setCancelled] = useState(false);
  // The stream's first snapshot arrived: the page follows the session from here on.
  const [following, setFollowing] = useState(false);
  // Server time minus ours, from each snapshot: the countdown follows the server's clock.
  const [skew, setSkew] = useState(0);
  // The server's render time first (a page rendered just before the start would otherwise hydrate
  // with another phase: React error 418), then ours, ticking.
  const [now, setNow] = useState(renderedAt);
  const [added, formAction, pending] = useActionState(action, EMPTY_LIVE_ADD);

  useEffect(() => {
    const source = new EventSource(eventsUrl);
    const on = (type: string) =>
      source.addEventListener(type, (m) => {
        const e = JSON.parse((m as MessageEvent<string>).data) as LiveEvent;
        if (e.type === 'snapshot') {
          setSkew(new Date(e.serverTime).getTime() - Date.now());
          setFollowing(true);
        }
        setState((s) => apply(s, e));
        setOnline(true);
      });
    for (const type of ['snapshot', 'pin', 'flash', 'announcement', 'stock']) on(type);
    source.addEventListener('cancelled', (m) => {
      setState((s) => apply(s, JSON.parse((m as MessageEvent<string>).data) as LiveEvent));
      setCancelled(true);
      // The API ends the stream next; reconnecting would answer 404.
      source.close();
    });
    source.onerror = () => setOnline(source.readyState === EventSource.OPEN);
    return () => source.close();
  }, [eventsUrl]);

  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);

  const serverNow = now + skew;
  const phase = serverNow < new Date(state.startsAt).getTime() ? 'scheduled' : serverNow >= new Date(state.endsAt).getTime() ? 'ended' : 'live';
  const flashOf = (productId: string) =>
    state.flashes.filter((f) => f.productId === productId && new Date(f.startsAt).getTime() <= serverNow && new Date(f.endsAt).getTime() > serverNow).pop() ?? null;
  const pinned = useMemo(() => state.products.find((p) => p.productId === state.pinnedProductId) ?? null, [state]);
  const embedUrl = !cancelled && state.player?.kind === 'EMBED' ? state.player.embedUrl : null;
  const message = (code: string | null) => (code ? (t.local[code] ?? errors[code] ?? errors['UNKNOWN'] ?? code) : null);

  return (
    <div className="live" data-testid="live-room" data-stream={cancelled ? 'closed' : following ? 'open' : 'connecting'}>
      <header className="live-head">
        <h1>{state.title}</h1>
        {!embedUrl && (
          <a className="live-watch" href={state.streamUrl} target="_blank" rel="noreferrer" data-testid="live-watch">
            {t.watch}
          </a>
        )}
        {cancelled ? (
          <p className="live-phase live-cancelled" role="alert" data-testid="live-cancelled">
            {t.cancelled}
          </p>
        ) : (
          <>
            {phase !== 'live' && <p className="live-phase">{phase === 'scheduled' ? t.scheduled : t.ended}</p>}
            {!online && <p className="live-phase" role="status">{t.reconnecting}</p>}
          </>
        )}
      </header>

      {embedUrl && <StreamPlayer key={embedUrl} src={embedUrl} title={fill(t.player, { title: state.title })} waiting={t.playerLoading} />}

      <section className="live-pinned" aria-live="polite" data-testid="live-pinned">
        {cancelled ? null : pinned ? (
          <PinnedCard key={pinned.productId} locale={locale} sessionId={state.sessionId} product={pinned} flash={flashOf(pinned.productId)} serverNow={serverNow} t={t} formAction={formAction} pending={pending} disabled={phase === 'ended' || cancelled} />
        ) : (
          <p className="live-empty">{t.nothingPinned}</p>
        )}
        {added.at > 0 && (
          <p className={added.ok ? 'live-added' : 'live-error'} role="status" data-testid="live-add-result">
            {added.ok ? fill(t.added, { quantity: added.quantity, price: money(locale, added.unitPriceMinor, 'CNY') }) : message(added.code)}{' '}
            {added.ok && <Link href={cartHref}>{t.viewCart}</Link>}
          </p>
        )}
      </section>

      <section className="live-news">
        <h2>{t.announcements}</h2>
        <ul data-testid="live-announcements">
          {state.announcements.map((a) => (
            <li key={a.id}>{a.body}</li>
          ))}
        </ul>
      </section>

      <section className="live-bag">
        <h2>{t.bag}</h2>
        <ul>
          {state.products.map((p) => (
            <li key={p.productId} data-testid="live-bag-item">
              <span>{p.name}</span>
              <span className="live-stock">{p.available > 0 ? fill(t.left, { count: p.available }) : t.soldOut}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/**
 * The partner's player, 16:9 at the page's width. Its box is drawn at once (nothing moves when it
 * comes), the iframe only after the page has loaded and the browser is idle, so the player's
 * scripts and video never compete with the page's own content (the bag) for the first paint.
 * Sandboxed to scripts and its own origin's storage (players need both; no popups, forms or
 * top navigation); `allow` grants only what playing needs.
 */
function StreamPlayer({ src, title, waiting }: { src: string; title: string; waiting: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    let idle = 0;
    const start = () => {
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(() => setReady(true), { timeout: 1500 });
      else timer = window.setTimeout(() => setReady(true), 100);
    };
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
    return () => {
      window.removeEventListener('load', start);
      if (idle) window.cancelIdleCallback(idle);
      window.clearTimeout(timer);
    };
  }, []);
  return (
    <div className="live-player" data-testid="live-player" data-ready={ready ? 'yes' : 'no'}>
      {ready ? (
        <iframe
          src={src}
          title={title}
          loading="lazy"
          sandbox="allow-scripts allow-same-origin"
          allow="autoplay; fullscreen; encrypted-media; picture-in-picture"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          data-testid="live-player-frame"
        />
      ) : (
        <p className="live-player-wait">{waiting}</p>
      )}
    </div>
  );
}

function PinnedCard(props: {
  locale: string;
  sessionId: string;
  product: LiveProduct;
  flash: LiveFlash | null;
  serverNow: number;
  t: LiveDictionary;
  formAction: (formData: FormData) => void;
  pending: boolean;
  disabled: boolean;
}) {
  const { locale, sessionId, product: p, flash, serverNow, t, formAction, pending, disabled } = props;
  const [variantId, setVariantId] = useState(p.variants.find((v) => v.available > 0)?.variantId ?? p.variants[0]?.variantId ?? '');
  const left = flash ? Math.max(0, Math.ceil((new Date(flash.endsAt).getTime() - serverNow) / 1000)) : 0;
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <div className="live-card">
      <p className="live-label">{t.pinned}</p>
      <h2 data-testid="live-pinned-name">{p.name}</h2>
      <p className="live-price">
        {flash ? (
          <>
            <strong data-testid="live-flash-price">{money(locale, flash.priceMinor, flash.currency)}</strong> <s>{money(locale, p.priceMinor, p.currency)}</s>
            <span className="live-countdown" data-testid="live-countdown">
              {fill(t.flashEndsIn, { time: clock })}
            </span>
          </>
        ) : (
          <strong>{money(locale, p.priceMinor, p.currency)}</strong>
        )}
      </p>
      <p className="live-stock" data-testid="live-pinned-stock">
        {p.available > 0 ? fill(t.left, { count: p.available }) : t.soldOut}
      </p>
      <form action={formAction}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="sessionId" value={sessionId} />
        <input type="hidden" name="quantity" value="1" />
        {p.variants.length > 1 ? (
          <label>
            {t.variant}
            <select name="variantId" value={variantId} onChange={(e) => setVariantId(e.target.value)}>
              {p.variants.map((v) => (
                <option key={v.variantId} value={v.variantId} disabled={v.available < 1}>
                  {v.sku}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <input type="hidden" name="variantId" value={variantId} />
        )}
        <button type="submit" className="live-add" disabled={pending || disabled || p.available < 1} data-testid="live-add">
          {pending ? t.adding : t.add}
        </button>
      </form>
    </div>
  );
}
