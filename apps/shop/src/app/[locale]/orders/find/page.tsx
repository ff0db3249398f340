import type { Metadata } from 'next';
import Link from 'next/link';
import { errorMessage, fill, getDictionary } from '../../../../i18n/dictionary';
import { localeOf, type LocaleParams } from '../../../../i18n/server';
import { readGuestLookup } from '../../../../lib/api/guest-order';
import { routes } from '../../../../lib/routes';
import { resendCodeAction, sendCodeAction, verifyCodeAction } from './actions';
import '../../../buy.css';
import '../../../returns.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.returns.guest.title, robots: { index: false } };
}

/**
 * A guest's way to their order (and its returns) without an account: the order number and the
 * recipient's phone, then the code sent to that phone. Plain forms posting to server actions
 * (they work before JavaScript loads).
 */
export default async function FindOrderPage({ params, searchParams }: { params: LocaleParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const t = dict.returns.guest;
  const sp = await searchParams;
  const error = typeof sp['error'] === 'string' ? sp['error'] : null;
  const lookup = sp['step'] === 'code' ? await readGuestLookup() : null;
  const number = typeof sp['number'] === 'string' ? sp['number'].slice(0, 40) : '';
  return (
    <div className="buy-page guest-find">
      <h1>{t.title}</h1>
      {error ? (
        <p className="notice error" role="alert" data-testid="guest-error">
          {errorMessage(dict, error)}
        </p>
      ) : null}
      {lookup ? (
        <>
          <p data-testid="guest-code-sent">{fill(t.codeSentTo, { phone: lookup.phoneMasked, number: lookup.orderNumber })}</p>
          <form action={verifyCodeAction} className="auth-form">
            <input type="hidden" name="locale" value={locale} />
            <div className="field">
              <label htmlFor="code">{t.code}</label>
              <input id="code" name="code" required inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,8}" maxLength={8} aria-describedby="code-hint" />
              <p id="code-hint" className="hint">
                {t.codeHint}
              </p>
            </div>
            <button type="submit" className="button wide" data-testid="guest-verify">
              {t.verify}
            </button>
          </form>
          <form action={resendCodeAction}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="button secondary wide" data-testid="guest-resend">
              {t.resend}
            </button>
          </form>
          <Link href={routes.findOrder(locale)}>
            {t.startOver}
          </Link>
        </>
      ) : (
        <>
          <p className="hint">{t.intro}</p>
          <form action={sendCodeAction} className="auth-form">
            <input type="hidden" name="locale" value={locale} />
            <div className="field">
              <label htmlFor="orderNumber">{t.orderNumber}</label>
              <input id="orderNumber" name="orderNumber" required maxLength={40} autoComplete="off" defaultValue={number} />
            </div>
            <div className="field">
              <label htmlFor="phone">{t.phone}</label>
              <input id="phone" name="phone" type="tel" required maxLength={20} autoComplete="tel" inputMode="tel" aria-describedby="phone-hint" />
              <p id="phone-hint" className="hint">
                {t.phoneHint}
              </p>
            </div>
            <button type="submit" className="button wide" data-testid="guest-send">
              {t.send}
            </button>
          </form>
          <Link href={routes.signIn(locale)}>
            {t.haveAccount}
          </Link>
        </>
      )}
    </div>
  );
}
