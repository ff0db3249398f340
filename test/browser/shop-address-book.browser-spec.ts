import { randomBytes } from 'node:crypto';
import { createUser } from '@vitrine/shared/testing';
import { en } from '../../apps/shop/src/i18n/dictionaries/en';
import { fr } from '../../apps/shop/src/i18n/dictionaries/fr';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import { residentId, type Shop } from '../support/checkout-fixtures';
import { useShop } from './support/shop-fixture';
import { addToCart, pageCheck, signIn, SHOPPER_PASSWORD } from './support/shop-steps';

/**
 * Issue 17, the address book on a phone (390x844): a shopper signs up, adds delivery addresses in
 * the account (the province / city / district selects checkout uses; a refused phone shown at its
 * field in Chinese, nothing saved), sees them listed with the default first, switches the default
 * and deletes one; checkout then opens filled with the default address, offers the others and a
 * new one, and saves a new address with the order when asked. The texts in French and English.
 * Screenshots in test/artifacts/shop-address-book-*.png.
 */
const t = zhCN.buy;
const b = t.addressBook;
const check = pageCheck('shop-address-book');

describe('shop: the address book', () => {
  const f = useShop({ stripe: true, fx: '7.8000', shops: [{ prices: [4_000], stock: 50 }] });
  let shop: Shop;
  beforeAll(() => {
    shop = f.shops[0]!;
  });

  it('adds addresses in the account, lists the default first, and checkout opens filled with it', async () => {
    const email = `addr-${randomBytes(4).toString('hex')}@example.test`;
    const s = await f.open('/zh-CN/account/sign-up');
    const p = s.page;
    await p.getByLabel(t.account.displayName).fill('王芳');
    await p.getByLabel(t.account.email).fill(email);
    await p.getByLabel(t.account.password).fill(SHOPPER_PASSWORD);
    await p.getByTestId('auth-submit').click();
    await p.waitForURL(/\/zh-CN\/account$/);
    const user = await f.api.db.prisma.user.findFirstOrThrow({ where: { email }, select: { id: true } });
    const saved = () => f.api.db.prisma.shopperAddress.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });

    await p.getByRole('heading', { level: 2, name: t.account.addresses }).waitFor();
    await p.getByTestId('addresses-empty').waitFor();
    await check(s, 'account-empty');

    // Add: a phone the API refuses is shown at its field, in Chinese; nothing is saved.
    await p.getByTestId('add-address').click();
    await p.waitForURL(/\/zh-CN\/account\/addresses\/new$/);
    await p.getByRole('heading', { level: 1, name: b.newTitle }).waitFor();
    await p.getByLabel(t.checkout.recipient).fill('王芳');
    await p.getByLabel(t.checkout.phone).fill('12345678901');
    await p.getByLabel(t.checkout.province).selectOption('北京市');
    await p.getByLabel(t.checkout.city).selectOption('市辖区');
    await p.getByLabel(t.checkout.district).selectOption('朝阳区');
    await p.getByLabel(t.checkout.street).fill('建国路 88 号');
    await p.getByTestId('save-address').click();
    await expect(p.getByTestId('error-phone').textContent()).resolves.toBe(t.checkout.phoneInvalid);
    await expect(p.getByLabel(t.checkout.phone).getAttribute('aria-invalid')).resolves.toBe('true');
    // What was typed stays (the selects too).
    await expect(p.getByLabel(t.checkout.district).inputValue()).resolves.toBe('朝阳区');
    expect(await saved()).toEqual([]);
    await check(s, 'form-refused');

    await p.getByLabel(t.checkout.phone).fill('13800138000');
    await p.getByTestId('save-address').click();
    await p.waitForURL(/\/zh-CN\/account\?address=saved#addresses$/);
    await expect(p.getByTestId('address-outcome').textContent()).resolves.toBe(b.saved);
    // A first address is the default; the list masks the phone.
    await expect(p.getByTestId('saved-address').allInnerTexts()).resolves.toEqual([expect.stringContaining('138****8000')]);
    await p.getByTestId('default-badge').waitFor();
    expect((await saved()).map((a) => [a.street, a.postalCode, a.isDefault])).toEqual([['建国路 88 号', null, true]]);

    // A second one, made the default: listed first.
    await p.getByTestId('add-address').click();
    await p.getByLabel(t.checkout.recipient).fill('李雷');
    await p.getByLabel(t.checkout.phone).fill('13900139000');
    await p.getByLabel(t.checkout.province).selectOption('上海市');
    await p.getByLabel(t.checkout.city).selectOption('市辖区');
    await p.getByLabel(t.checkout.district).selectOption('浦东新区');
    await p.getByLabel(t.checkout.street).fill('世纪大道 100 号');
    await p.getByLabel(b.postalOptional).fill('200120');
    await p.getByTestId('address-default').check();
    await p.getByTestId('save-address').click();
    await p.waitForURL(/address=saved/);
    const items = p.getByTestId('saved-address');
    await expect(items.first().innerText()).resolves.toContain('世纪大道 100 号');
    await expect(items.first().getAttribute('data-default')).resolves.toBe('true');
    expect((await saved()).map((a) => [a.name, a.isDefault])).toEqual([['王芳', false], ['李雷', true]]);
    await check(s, 'account-two');

    // Back to the first as the default, then edit it (postcode added).
    await p.getByRole('button', { name: fill(b.setDefaultLabel, { address: '王芳, 建国路 88 号' }) }).click();
    await p.waitForURL(/address=default/);
    await expect(items.first().innerText()).resolves.toContain('建国路 88 号');
    await p.getByRole('link', { name: fill(b.editLabel, { address: '王芳, 建国路 88 号' }) }).click();
    await p.getByRole('heading', { level: 1, name: b.editTitle }).waitFor();
    await expect(p.getByLabel(t.checkout.city).inputValue()).resolves.toBe('市辖区');
    await p.getByLabel(b.postalOptional).fill('100022');
    await check(s, 'form-edit');
    await p.getByTestId('save-address').click();
    await p.waitForURL(/address=saved/);
    expect((await saved()).map((a) => [a.name, a.postalCode, a.isDefault])).toEqual([['王芳', '100022', true], ['李雷', '200120', false]]);

    // Checkout opens with the default address filled in, the others offered.
    await addToCart(s, shop.variants[0]!.productId);
    await p.goto(`${f.shop.url}/zh-CN/checkout`);
    const c = t.checkout;
    await expect(p.getByLabel(c.recipient).inputValue()).resolves.toBe('王芳');
    await expect(p.getByLabel(c.phone).inputValue()).resolves.toBe('13800138000');
    await expect(p.getByLabel(c.province).inputValue()).resolves.toBe('北京市');
    await expect(p.getByLabel(c.city).inputValue()).resolves.toBe('市辖区');
    await expect(p.getByLabel(c.district).inputValue()).resolves.toBe('朝阳区');
    await expect(p.getByLabel(c.street).inputValue()).resolves.toBe('建国路 88 号');
    await expect(p.getByLabel(c.postalCode).inputValue()).resolves.toBe('100022');
    const [home, office] = await saved();
    await expect(p.getByTestId(`saved-address-${home!.id}`).isChecked()).resolves.toBe(true);
    await expect(p.getByTestId('manage-addresses').getAttribute('href')).resolves.toBe('/zh-CN/account#addresses');
    await check(s, 'checkout-prefilled');
    // Picking the other fills its fields; a new address empties them and offers to save it.
    await p.getByTestId(`saved-address-${office!.id}`).check();
    await expect(p.getByLabel(c.district).inputValue()).resolves.toBe('浦东新区');
    await expect(p.getByLabel(c.recipient).inputValue()).resolves.toBe('李雷');
    await expect(p.getByTestId('save-address-box').count()).resolves.toBe(0);
    await p.getByTestId('saved-address-new').check();
    await expect(p.getByLabel(c.street).inputValue()).resolves.toBe('');

    // Placed with a new address and "save this address": the order goes to payment and the address joins the book.
    await p.getByLabel(c.recipient).fill('王芳');
    await p.getByLabel(c.phone).fill('13700137000');
    await p.getByLabel(c.province).selectOption('广东省');
    await p.getByLabel(c.city).selectOption('广州市');
    await p.getByLabel(c.district).selectOption('天河区');
    await p.getByLabel(c.street).fill('天河路 385 号');
    await p.getByLabel(c.postalCode).fill('510620');
    await p.getByTestId('save-address-box').check();
    await check(s, 'checkout-new-address');
    await p.getByLabel(c.realName).fill('王芳');
    await p.getByTestId('resident-id').fill(residentId(4242));
    await p.getByTestId('consentToIdUse').check();
    await p.getByTestId('acceptRiskNotice').check();
    await p.getByTestId('method-ALIPAY').check();
    await p.getByTestId('place-order').click();
    await p.waitForURL((u) => u.href.startsWith(`${f.stripe.url}/sandbox/wallet/`));
    const order = await f.api.db.prisma.order.findFirstOrThrow({ where: { shopperUserId: user.id }, select: { street: true, district: true } });
    expect(order).toEqual({ street: '天河路 385 号', district: '天河区' });
    expect((await saved()).map((a) => [a.street, a.postalCode, a.isDefault])).toEqual([
      ['建国路 88 号', '100022', true],
      ['世纪大道 100 号', '200120', false],
      ['天河路 385 号', '510620', false],
    ]);

    // Delete the Shanghai one; the list in French, then English.
    await p.goto(`${f.shop.url}/zh-CN/account`);
    // Delete asks first: opening it deletes nothing; only its confirming button does.
    const shanghai = '李雷, 世纪大道 100 号';
    await p.locator(`summary[aria-label="${fill(b.deleteLabel, { address: shanghai })}"]`).click();
    await p.getByText(fill(b.deleteQuestion, { address: shanghai })).waitFor();
    expect(await saved()).toHaveLength(3);
    await check(s, 'account-delete-question');
    await p.getByRole('button', { name: fill(b.deleteConfirmLabel, { address: shanghai }) }).click();
    await p.waitForURL(/address=deleted/);
    await expect(p.getByTestId('address-outcome').textContent()).resolves.toBe(b.deleted);
    expect((await saved()).map((a) => a.street)).toEqual(['建国路 88 号', '天河路 385 号']);
    await check(s, 'account-after-delete');

    await p.goto(`${f.shop.url}/fr/account`);
    await p.getByRole('heading', { level: 2, name: fr.buy.account.addresses }).waitFor();
    await p.getByTestId('default-badge').filter({ hasText: fr.buy.addressBook.defaultBadge }).waitFor();
    await p.getByRole('link', { name: fr.buy.addressBook.add }).waitFor();
    await check(s, 'account-fr');
    await p.goto(`${f.shop.url}/en/account/addresses/new`);
    await p.getByRole('heading', { level: 1, name: en.buy.addressBook.newTitle }).waitFor();
    await p.getByLabel(en.buy.checkout.province).waitFor();
    await check(s, 'form-en');
  });

  it('at 20 addresses offers no more and answers the API’s limit in Chinese; another shopper’s address is a 404', async () => {
    const other = await createUser(f.api.db.prisma, 'SHOPPER');
    const [theirs] = await f.api.db.prisma.shopperAddress.createManyAndReturn({
      data: [{ userId: other.id, name: '李雷', phone: '13900139000', province: '上海市', city: '市辖区', district: '浦东新区', street: '世纪大道 1 号', isDefault: true }],
    });
    const user = await createUser(f.api.db.prisma, 'SHOPPER');
    await f.api.db.prisma.shopperAddress.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({ userId: user.id, name: '王芳', phone: '13800138000', province: '北京市', city: '市辖区', district: '东城区', street: `王府井大街 ${i + 1} 号`, isDefault: i === 0 })),
    });
    const s = await f.open(null);
    const p = s.page;
    await signIn(s, user.email);
    await expect(p.getByTestId('saved-address').count()).resolves.toBe(20);
    await expect(p.getByTestId('add-address').count()).resolves.toBe(0);
    await p.getByText(t.addressBook.count.replace('{count}', '20').replace('{max}', '20')).waitFor();
    await p.getByText(zhCN.errors.ADDRESS_LIMIT_REACHED).waitFor();
    await check(s, 'account-full');

    // From a tab opened before the last one was saved: the API refuses, the form says why in Chinese, nothing is written.
    await p.goto(`${f.shop.url}/zh-CN/account/addresses/new`);
    await p.getByLabel(t.checkout.recipient).fill('王芳');
    await p.getByLabel(t.checkout.phone).fill('13800138000');
    await p.getByLabel(t.checkout.province).selectOption('北京市');
    await p.getByLabel(t.checkout.city).selectOption('市辖区');
    await p.getByLabel(t.checkout.district).selectOption('西城区');
    await p.getByLabel(t.checkout.street).fill('西单北大街 1 号');
    await p.getByTestId('save-address').click();
    await expect(p.getByTestId('address-refused').innerText()).resolves.toContain(zhCN.errors.ADDRESS_LIMIT_REACHED);
    expect(await f.api.db.prisma.shopperAddress.count({ where: { userId: user.id } })).toBe(20);
    await check(s, 'form-limit');

    // Someone else's address: not found, and it is left as it was.
    const answer = await p.goto(`${f.shop.url}/zh-CN/account/addresses/${theirs!.id}`);
    expect(answer!.status()).toBe(404);
    await p.getByRole('heading', { name: '页面不存在' }).waitFor();
    // Chromium logs the 404 document as a failed load: it is what this step asks for.
    s.errors.splice(0);
    expect(await f.api.db.prisma.shopperAddress.findUniqueOrThrow({ where: { id: theirs!.id } })).toEqual(theirs);
  });
});
