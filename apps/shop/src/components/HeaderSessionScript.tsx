import type { Dictionary } from '../i18n/dictionary';
import type { ShopLocale } from '../i18n/locales';
import { noticesDictionary } from '../i18n/notices';

/**
 * HeaderSession's work on a page without React in the browser (the product page, ADR 0027): one
 * inline script reads /<locale>/session and fills in the header that HeaderSession rendered on
 * the server with the count unknown — the cart count and its link's name, the signed-in state and
 * the unread notices' badge — the same attributes and texts as the client component.
 */
export function HeaderSessionScript({ locale, dict }: { locale: ShopLocale; dict: Dictionary }) {
  return <script dangerouslySetInnerHTML={{ __html: sessionScript(locale, dict) }} />;
}

// The same text for every page of a locale: made once (issue 17, bench:shop).
const scripts = new Map<ShopLocale, string>();

function sessionScript(locale: ShopLocale, dict: Dictionary): string {
  const made = scripts.get(locale);
  if (made !== undefined) return made;
  const texts = { session: `/${locale}/session`, cart: dict.header.cartLabel, unread: noticesDictionary(locale).accountUnread };
  // JSON in a script: `<` escaped so no text can close the element. With Next's runtime on the page
  // (`next dev` ignores unstable_runtimeJS) HeaderSession itself runs: the script leaves the DOM to React.
  const json = JSON.stringify(texts).replace(/</g, '\\u003c');
  const code = `(function(t){var d=document,c=d.querySelector('[data-testid=cart-link]'),a=d.querySelector('[data-testid=account-link]');if(!c||!a||!window.fetch||d.getElementById('__NEXT_DATA__'))return;fetch(t.session,{cache:'no-store',credentials:'same-origin'}).then(function(r){return r.ok?r.json():null}).then(function(s){if(!s)return;var n=c.querySelector('[data-testid=cart-count]');n.textContent=String(s.cartCount);n.className='cart-count';c.setAttribute('aria-label',t.cart.replace('{count}',s.cartCount));a.setAttribute('data-signed-in',String(s.signedIn));a.setAttribute('data-unread',String(s.unreadNotices));if(s.unreadNotices>0){var b=d.createElement('span');b.className='cart-count notice-count';b.setAttribute('data-testid','notice-count');b.textContent=s.unreadNotices>99?'99+':String(s.unreadNotices);a.appendChild(b);a.setAttribute('aria-label',t.unread.replace('{count}',s.unreadNotices))}}).catch(function(){})})(${json})`;
  scripts.set(locale, code);
  return code;
}
