import type { Metadata } from 'next';
import Link from 'next/link';
import { errorMessage, fill, getDictionary } from '../../../i18n/dictionary';
import { noticesDictionary } from '../../../i18n/notices';
import { localeOf, type LocaleParams } from '../../../i18n/server';
import { myAddresses } from '../../../lib/api/addresses';
import { me, ordererIdentities } from '../../../lib/api/buy';
import { routes } from '../../../lib/routes';
import { AddressBookSection } from '../../../components/buy/AddressBookSection';
import { deleteAccountAction, deleteIdentityAction, signOutAction } from './actions';
import '../../buy.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.buy.account.title, robots: { index: false } };
}

export default async function AccountPage({ params, searchParams }: { params: LocaleParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const t = dict.buy.account;
  const sp = await searchParams;
  const account = await me();
  if (!account) {
    return (
      <div className="buy-page">
        <h1>{t.title}</h1>
        {sp['signedOut'] ? (
          <p className="notice ok" role="status">
            {t.signedOut}
          </p>
        ) : null}
        {sp['deleted'] ? (
          <p className="notice ok" role="status" data-testid="account-deleted">
            {t.deletionRequested}
          </p>
        ) : null}
        <Link className="button wide" href={routes.signIn(locale)}>
          {t.signIn}
        </Link>
        <Link className="button secondary wide" href={routes.signUp(locale)}>
          {t.signUp}
        </Link>
        <p className="hint">{t.guestNote}</p>
      </div>
    );
  }
  const [identities, addresses] = await Promise.all([ordererIdentities(), myAddresses()]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const error = typeof sp['error'] === 'string' ? sp['error'] : null;
  return (
    <div className="buy-page">
      <h1>{t.title}</h1>
      <p data-testid="signed-in-as">{fill(t.signedInAs, { name: account.displayName })}</p>
      {error ? (
        <p className="notice error" role="alert">
          {errorMessage(dict, error)}
        </p>
      ) : null}
      <Link className="button wide" href={routes.orders(locale)}>
        {t.orders}
      </Link>
      <Link className="button secondary wide" href={routes.notices(locale)} data-testid="notices-link">
        {noticesDictionary(locale).link}
      </Link>

      <section id="identities" className="account-section" aria-labelledby="identities-title">
        <h2 id="identities-title">{t.identities}</h2>
        <p className="hint">{t.identitiesNote}</p>
        {identities.length === 0 ? <p>{t.identitiesEmpty}</p> : null}
        <ul className="identity-list">
          {identities.map((i) => (
            <li key={i.id} data-testid="identity">
              <span>
                <span className="masked">{i.residentIdMasked}</span>
                <br />
                <span className="hint">
                  {fill(t.lastOrdered, { date: date.format(new Date(i.lastOrderedAt)) })}
                  {!i.numberStored ? ` · ${t.numberDeleted}` : i.deletionRequestedAt ? ` · ${t.deletionPending}` : ''}
                </span>
              </span>
              {i.numberStored && !i.deletionRequestedAt ? (
                <form action={deleteIdentityAction}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="id" value={i.id} />
                  <button type="submit" className="button secondary" aria-label={`${t.deleteIdentity} ${i.residentIdMasked}`}>
                    {t.deleteIdentity}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <AddressBookSection locale={locale} dict={dict} addresses={addresses} outcome={typeof sp['address'] === 'string' ? sp['address'] : null} />

      <form action={signOutAction}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button secondary wide" data-testid="sign-out">
          {t.signOut}
        </button>
      </form>

      <section id="delete-account" className="account-section" aria-labelledby="delete-title">
        <h2 id="delete-title">{t.deleteAccount}</h2>
        <p>{t.deleteAccountText}</p>
        <form action={deleteAccountAction} className="stack">
          <input type="hidden" name="locale" value={locale} />
          <label className="check">
            <input type="checkbox" name="confirm" required />
            <span>{t.deleteAccountConfirm}</span>
          </label>
          <button type="submit" className="button secondary wide">
            {t.deleteAccount}
          </button>
        </form>
      </section>
    </div>
  );
}
