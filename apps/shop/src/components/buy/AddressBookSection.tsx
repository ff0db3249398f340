// The account's address book: the saved delivery addresses, the default first, each with edit,
// make default and delete (confirmed in a second step); a link to add one while under the cap. Server component (forms post to
// server actions, no client JavaScript needed).
import Link from 'next/link';
import { errorMessage, fill, type Dictionary } from '../../i18n/dictionary';
import type { ShopLocale } from '../../i18n/locales';
import { addressLine, maskPhone, MAX_ADDRESSES } from '../../lib/addresses/form';
import type { SavedAddress } from '../../lib/api/addresses';
import { routes } from '../../lib/routes';
import { deleteAddressAction, setDefaultAddressAction } from '../../app/[locale]/account/addresses/actions';
import '../../app/addresses.css';

export function AddressBookSection({ locale, dict, addresses, outcome }: { locale: ShopLocale; dict: Dictionary; addresses: SavedAddress[]; outcome: string | null }) {
  const t = dict.buy.addressBook;
  const done = outcome === 'saved' ? t.saved : outcome === 'deleted' ? t.deleted : outcome === 'default' ? t.defaultSet : null;
  return (
    <section id="addresses" className="account-section" aria-labelledby="addresses-title">
      <h2 id="addresses-title">{dict.buy.account.addresses}</h2>
      <p className="hint">{t.note}</p>
      {done ? (
        <p className="notice ok" role="status" data-testid="address-outcome">
          {done}
        </p>
      ) : null}
      {addresses.length === 0 ? <p data-testid="addresses-empty">{t.empty}</p> : <p className="hint">{fill(t.count, { count: addresses.length, max: MAX_ADDRESSES })}</p>}
      <ul className="address-list">
        {addresses.map((a) => {
          const named = `${a.name}, ${a.street}`;
          return (
            <li key={a.id} data-testid="saved-address" data-default={a.isDefault ? 'true' : undefined}>
              <p className="address-who">
                <strong>{a.name}</strong> <span className="masked">{maskPhone(a.phone)}</span>
                {a.isDefault ? (
                  <span className="badge" data-testid="default-badge">
                    {t.defaultBadge}
                  </span>
                ) : null}
              </p>
              <p className="address-where">
                {addressLine(a)}
                {a.postalCode ? ` ${a.postalCode}` : ''}
              </p>
              <div className="address-actions">
                <Link className="button secondary" href={routes.address(locale, a.id)} aria-label={fill(t.editLabel, { address: named })}>
                  {t.edit}
                </Link>
                {a.isDefault ? null : (
                  <form action={setDefaultAddressAction}>
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="id" value={a.id} />
                    <button type="submit" className="button secondary" aria-label={fill(t.setDefaultLabel, { address: named })}>
                      {t.setDefault}
                    </button>
                  </form>
                )}
                {/* Two steps, without JavaScript: "Delete" opens the question, only its button deletes. */}
                <details className="address-delete" data-testid="address-delete">
                  <summary className="button secondary" aria-label={fill(t.deleteLabel, { address: named })}>
                    {t.delete}
                  </summary>
                  <form action={deleteAddressAction} className="address-delete-confirm">
                    <p>{fill(t.deleteQuestion, { address: named })}</p>
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="id" value={a.id} />
                    <button type="submit" className="button" aria-label={fill(t.deleteConfirmLabel, { address: named })}>
                      {t.deleteConfirm}
                    </button>
                  </form>
                </details>
              </div>
            </li>
          );
        })}
      </ul>
      {addresses.length < MAX_ADDRESSES ? (
        <Link className="button wide" href={routes.address(locale)} data-testid="add-address">
          {t.add}
        </Link>
      ) : (
        <p className="hint">{errorMessage(dict, 'ADDRESS_LIMIT_REACHED')}</p>
      )}
    </section>
  );
}
