import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDictionary } from '../../../../../i18n/dictionary';
import { localeOf } from '../../../../../i18n/server';
import { isId } from '../../../../../lib/api/catalog';
import { myAddresses } from '../../../../../lib/api/addresses';
import { isSignedIn } from '../../../../../lib/api/session';
import { routes } from '../../../../../lib/routes';
import { AddressForm } from '../../../../../components/buy/AddressForm';
import { saveAddressAction } from '../actions';
import '../../../../buy.css';

export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const t = getDictionary(await localeOf(params)).buy.addressBook;
  return { title: id === 'new' ? t.newTitle : t.editTitle, robots: { index: false } };
}

/** Adds (`new`) or edits one of the signed-in shopper's saved delivery addresses. */
export default async function AddressPage({ params }: { params: Params }) {
  const locale = await localeOf(params);
  const { id } = await params;
  const dict = getDictionary(locale);
  const t = dict.buy.addressBook;
  if (id !== 'new' && !isId(id)) notFound();
  if (!(await isSignedIn())) {
    return (
      <div className="buy-page">
        <h1>{t.title}</h1>
        <Link className="button wide" href={routes.signIn(locale, routes.address(locale, id === 'new' ? undefined : id))}>
          {dict.buy.account.signIn}
        </Link>
      </div>
    );
  }
  const saved = await myAddresses();
  const address = id === 'new' ? undefined : saved.find((a) => a.id === id);
  if (id !== 'new' && !address) notFound();
  return (
    <div className="buy-page">
      <h1>{address ? t.editTitle : t.newTitle}</h1>
      <AddressForm
        locale={locale}
        t={t}
        checkout={dict.buy.checkout}
        errors={dict.errors}
        action={saveAddressAction}
        address={address}
        defaultChecked={saved.length === 0}
        cancelHref={`${routes.account(locale)}#addresses`}
      />
    </div>
  );
}
