import Link from 'next/link';
import { errorMessage, type Dictionary } from '../../../i18n/dictionary';
import type { ShopLocale } from '../../../i18n/locales';
import { routes } from '../../../lib/routes';
import { signInAction, signUpAction } from './actions';

/** Sign in or sign up: a plain form posting to a server action (works before JavaScript loads). */
export function AuthForm({ mode, locale, dict, next, error }: { mode: 'in' | 'up'; locale: ShopLocale; dict: Dictionary; next: string; error?: string }) {
  const t = dict.buy.account;
  return (
    <div className="buy-page">
      <h1>{mode === 'in' ? t.signIn : t.signUp}</h1>
      {error ? (
        <p className="notice error" role="alert" data-testid="auth-error">
          {errorMessage(dict, error)}
        </p>
      ) : null}
      <form action={mode === 'in' ? signInAction : signUpAction} className="auth-form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="next" value={next} />
        {mode === 'up' ? (
          <div className="field">
            <label htmlFor="displayName">{t.displayName}</label>
            <input id="displayName" name="displayName" required maxLength={120} autoComplete="nickname" />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="email">{t.email}</label>
          <input id="email" name="email" type="email" required autoComplete="email" inputMode="email" />
        </div>
        <div className="field">
          <label htmlFor="password">{t.password}</label>
          <input id="password" name="password" type="password" required minLength={mode === 'up' ? 10 : 1} autoComplete={mode === 'up' ? 'new-password' : 'current-password'} aria-describedby={mode === 'up' ? 'password-hint' : undefined} />
          {mode === 'up' ? (
            <p id="password-hint" className="hint">
              {t.passwordHint}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button wide" data-testid="auth-submit">
          {mode === 'in' ? t.signIn : t.signUp}
        </button>
      </form>
      <Link href={mode === 'in' ? routes.signUp(locale, next) : routes.signIn(locale, next)}>{mode === 'in' ? t.noAccount : t.haveAccount}</Link>
      <p className="hint">{t.guestNote}</p>
    </div>
  );
}
