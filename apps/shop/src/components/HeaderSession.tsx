'use client';
// The header's per-shopper parts (cart count, signed in, unread notices as a badge on the account link), read in the browser from
// /<locale>/session, so the server-rendered page is the same for every shopper and may be
// replayed by a shared HTTP cache (ADR 0015). Read again on every navigation and whenever the
// server renders the layout again (server actions call revalidatePath); pages that know the
// cart (the cart page) push their count with <CartCountSync>.
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useState } from 'react';

const CART_COUNT_EVENT = 'vitrine:cart-count';

interface State {
  cartCount: number;
  signedIn: boolean;
  /** Unread notices of the signed-in shopper (a badge on the account link). */
  unreadNotices: number;
}

interface Props {
  locale: string;
  accountHref: string;
  accountLabel: string;
  /** The account link's name with unread notices, with `{count}`. */
  accountUnreadLabel: string;
  cartHref: string;
  /** With `{count}`. */
  cartLabel: string;
  /** When the server rendered the layout: read again when it renders it again. */
  rendered: number;
  /** Plain <a> for a page without Next's runtime in the browser (the product page, ADR 0027), where a Link is the same <a> at a cost. */
  documentLinks?: boolean;
}

/** useSearchParams wants a Suspense boundary; its fallback is the same links, count unknown. */
export function HeaderSession(props: Props) {
  return (
    <Suspense fallback={<HeaderSessionView {...props} state={null} />}>
      <LiveHeaderSession {...props} />
    </Suspense>
  );
}

function LiveHeaderSession(props: Props) {
  const { locale, rendered } = props;
  const pathname = usePathname();
  const search = useSearchParams()?.toString();
  const [state, setState] = useState<State | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/${locale}/session`, { cache: 'no-store', credentials: 'same-origin', signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<State>) : null))
      .then((next) => next && setState(next))
      .catch(() => undefined); // navigated away, or offline: keep what is shown
    return () => controller.abort();
  }, [locale, pathname, search, rendered]);

  useEffect(() => {
    const onCount = (event: Event) => {
      const count = (event as CustomEvent<number>).detail;
      setState((s) => ({ signedIn: s?.signedIn ?? false, unreadNotices: s?.unreadNotices ?? 0, cartCount: count }));
    };
    window.addEventListener(CART_COUNT_EVENT, onCount);
    return () => window.removeEventListener(CART_COUNT_EVENT, onCount);
  }, []);

  return <HeaderSessionView {...props} state={state} />;
}

function HeaderSessionView({ accountHref, accountLabel, accountUnreadLabel, cartHref, cartLabel, documentLinks, state }: Props & { state: State | null }) {
  const Anchor = documentLinks ? 'a' : Link;
  const count = state?.cartCount;
  const unread = state?.unreadNotices ?? 0;
  return (
    <>
      {/* href last: where Link puts it, so both write the same HTML. */}
      <Anchor
        className="cart-link"
        aria-label={unread > 0 ? accountUnreadLabel.replace('{count}', String(unread)) : accountLabel}
        data-testid="account-link"
        data-signed-in={state ? String(state.signedIn) : undefined}
        data-unread={state ? String(unread) : undefined}
        href={accountHref}
      >
        <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" />
        </svg>
        {unread > 0 ? (
          <span className="cart-count notice-count" data-testid="notice-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </Anchor>
      <Anchor className="cart-link" aria-label={cartLabel.replace('{count}', count === undefined ? '…' : String(count))} data-testid="cart-link" href={cartHref}>
        <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 6h15l-1.5 9h-12z" />
          <path d="M6 6 5 3H2" />
          <circle cx="9" cy="20" r="1.5" />
          <circle cx="18" cy="20" r="1.5" />
        </svg>
        <span className={`cart-count${count === undefined ? ' unknown' : ''}`} data-testid="cart-count">
          {count ?? ''}
        </span>
      </Anchor>
    </>
  );
}

/** Rendered by a page that read the cart: the header shows its count at once. */
export function CartCountSync({ count }: { count: number }) {
  useEffect(() => {
    window.dispatchEvent(new CustomEvent(CART_COUNT_EVENT, { detail: count }));
  }, [count]);
  return null;
}
