import { readFileSync } from 'node:fs';
import { SettlementPostingService } from '@vitrine/settlement';
import { createBrand, createUser } from '@vitrine/shared/testing';
import { runBankPayoutJob } from '../support/bank-payout-job';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { pdfLines } from '../support/pdf-text';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

/** An amount as the English console shows it (CN¥214.02). */
const formatCny = (minor: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(minor / 100);

const RUN = `mutation($k: String!) { runPayouts(runKey: $k) { paid { id amount { amount } stripeTransferId checkoutId transferGroup } failed { id } } }`;
const REFUND = `mutation($id: ID!, $reason: String!) { refundOrder(id: $id, reason: $reason) { refundId refundStatus } }`;

/**
 * The console's settlement screens (issue 21): a manager reads their museum's balance
 * (available / pending per currency), connects the payout account through Stripe's Express
 * onboarding (the Stripe loopback's page), sees the payout the operator's run made and the
 * ledger lines, filters them by kind and date and pages through them, downloads the month's
 * statement as CSV and as PDF (the same closing figures). Each payout is one transfer per checkout, shown with its transfer group; a
 * payout to the bank that failed (matched to the transfers it carried by the worker's job, run here in
 * the test's process) shows on the transfers (Failed at the bank, with Stripe's reason)
 * and on the balance as not paid out. Another museum's settlement URL is NOT_FOUND for them, and for a brand;
 * a brand sees only its own. The operator sees the platform ledger. French too.
 */
describe('console: settlement', () => {
  const c = useConsole({ stripe: true });
  let shop: Shop;
  let other: Shop;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [2_500, 4_000], stock: 40 });
    other = await seedShop(c.api.db.prisma, { prices: [3_000], stock: 20 });
  });

  /** A paid order (through checkout and Stripe's webhook), released by customs `daysAgo` days ago. */
  async function paidOrder(s: Shop, shopper: string, key: string, n: number, variant: number, daysAgo: number | null) {
    const r: any = await c.api.gql(ADD_LINE, { i: { variantId: s.variants[variant]!.id, quantity: 1, cartToken: null } }, shopper);
    expect(r.errors).toBeUndefined();
    const placed: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, key, { id: residentId(n) }) }, shopper);
    expect(placed.errors).toBeUndefined();
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const order = placed.data.placeOrder.orders[0];
    if (daysAgo != null) {
      await c.api.db.prisma.orderStatusChange.create({
        data: { orderId: order.id, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'test: released', createdAt: new Date(Date.now() - daysAgo * 86_400_000) },
      });
    }
    return order;
  }

  it('shows a museum its balance, payout account, payouts, ledger and statement; never another museum’s', async () => {
    const prisma = c.api.db.prisma;
    const manager = await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const stranger = await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [other.museumId] });
    const brand = await createBrand(prisma);
    const partner = await createUser(prisma, 'BRAND_PARTNER', { brandId: brand.id });
    const operator = await createUser(prisma, 'PLATFORM_ADMIN');
    const operatorToken = await c.api.login(operator.email);
    const managerToken = await c.api.login(manager.email);
    const shopper = await c.api.login((await createUser(prisma, 'SHOPPER')).email);

    // Six orders past their return window (payable), one still within it (pending); one of the other museum.
    const payableOrders = [];
    for (let i = 0; i < 6; i++) payableOrders.push(await paidOrder(shop, shopper, `settle-ui-${i}`, 7600 + i, i % 2, 31));
    await paidOrder(shop, shopper, 'settle-ui-pending', 7610, 1, null);
    await paidOrder(other, shopper, 'settle-ui-other', 7611, 0, 31);
    await c.api.app.get(SettlementPostingService, { strict: false }).catchUp();

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Balances & payouts' }).click();
    await page.getByTestId('settlement-sellers').locator('tbody tr').first().waitFor();
    await expect(page.getByTestId('settlement-sellers').locator('tbody tr').count()).resolves.toBe(1);
    await screenshot('settlement-list');
    // Every seller's statements are the operator's month-end file: a manager's list has no such card (the API answers them 403 besides).
    await expect(page.getByTestId('all-statements').count()).resolves.toBe(0);
    await page.getByTestId('settlement-sellers').locator('tbody tr').first().click();
    await page.getByTestId('settlement-show').waitFor();
    // The page's title names the museum, not only its kind.
    const legalName = (await prisma.museum.findUniqueOrThrow({ where: { id: shop.museumId } })).legalName;
    await page.locator('#react-admin-title').getByText(legalName, { exact: false }).waitFor();
    const available = page.getByTestId('balance-CNY-available');
    const pending = page.getByTestId('balance-CNY-pending');
    await available.waitFor();
    const availableText = (await available.textContent())!;
    expect(availableText).toMatch(/[1-9]/);
    expect((await pending.textContent())!).toMatch(/[1-9]/);
    await page.getByTestId('payout-account-state').getByText('Not connected').waitFor();
    await page.getByText('No payout yet.').waitFor();
    await screenshot('settlement-museum-before-payout');

    // Connect: Stripe's Express onboarding (the loopback's page), then back to the console.
    await page.getByTestId('payout-connect').click();
    await page.waitForURL(/\/sandbox\/onboarding\/acct_/);
    await page.locator('#finish-onboarding').click();
    await page.waitForURL(/#\/settlement\/MUSEUM-/);
    const acct = [...c.stripe.accounts.values()].find((a: any) => a.metadata.vitrine_seller_id === shop.museumId)!;
    // Stripe tells the Connect endpoint the account is ready (account.updated).
    expect(await c.stripe.deliverConnect(c.api.baseUrl, c.stripe.accountUpdated(String(acct['id'])))).toBe(200);
    await page.reload();
    await page.getByTestId('payout-account-state').getByText('Ready for payouts').waitFor();
    await expect(page.getByTestId('payout-connect').count()).resolves.toBe(0);

    // The operator's run pays the available balance; a refund after it makes the balance negative (carried).
    const run: any = await c.api.gql(RUN, { k: 'ui-run-1' }, operatorToken);
    expect(run.errors).toBeUndefined();
    // One transfer per checkout (six orders, six checkouts), each under its checkout's transfer group.
    const transfers = run.data.runPayouts.paid as { amount: { amount: number }; stripeTransferId: string; checkoutId: string; transferGroup: string }[];
    expect(transfers).toHaveLength(6);
    for (const t of transfers) expect(t.transferGroup).toBe(`vitrine-checkout-${t.checkoutId}`);
    const refund: any = await c.api.gql(REFUND, { id: payableOrders[0].id, reason: 'broken in transit' }, managerToken);
    expect(refund.errors).toBeUndefined();
    await page.reload();
    await page.getByTestId('settlement-payouts').getByTestId('payout-status').getByText('Paid', { exact: true }).first().waitFor();
    await page.getByTestId('settlement-negative').waitFor();
    await screenshot('settlement-museum');
    await page.getByTestId('settlement-payouts').getByTestId('payout-transfer-group').getByText(transfers[0]!.transferGroup).waitFor();
    await expect(page.getByTestId('settlement-payouts').getByTestId('payout-transfer-group').count()).resolves.toBe(6);
    // Paid in the museum's payout currency (EUR): what each transfer brought at Stripe's rate.
    await page.getByTestId('payout-account-currency').getByText('Paid out in EUR').waitFor();
    await expect(page.getByTestId('settlement-payouts').getByTestId('payout-received').filter({ hasText: '€' }).count()).resolves.toBe(6);
    await page.getByTestId('settlement-payouts').getByText('1 CNY = 0.128 EUR (Stripe)').first().waitFor();
    // Stripe reverses part of a transfer (its transfer.reversed webhook).
    const transferId = transfers[0]!.stripeTransferId;
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.reverseTransfer(transferId, 10_000))).toBe(200);
    await page.reload();
    await page.getByTestId('settlement-payouts').getByTestId('payout-status').getByText('Partly reversed').waitFor();
    await page.getByTestId('settlement-payouts').getByText('CN¥100.00').waitFor();
    await screenshot('settlement-museum-reversed');
    // The account's payout to its bank fails (payout.failed): every transfer it carried shows it with Stripe's reason; the balance shows it as not paid out.
    const transferred = transfers.reduce((sum, t) => sum + t.amount.amount, 0);
    const bankPayout = c.stripe.bankPayout(String(acct['id']), 'failed', transferred - 10_000);
    expect(await c.stripe.deliverConnect(c.api.baseUrl, bankPayout)).toBe(200);
    // The worker's job asks Stripe which transfers' money it carried (its balance transactions): all six, less the reversal.
    expect(await runBankPayoutJob(String(bankPayout.data.object['id']))).toMatchObject({ status: 'failed', transfers: 6 });
    await page.reload();
    await page.getByTestId('payout-account-bank').getByText('Last payout to the bank failed (account_closed)').waitFor();
    await page.getByTestId('settlement-payouts').getByTestId('payout-bank-failure').first().waitFor();
    await expect(page.getByTestId('settlement-payouts').getByTestId('payout-status').getByText('Failed at the bank').count()).resolves.toBe(6);
    await expect(page.getByTestId('settlement-payouts').getByTestId('payout-bank-failure').getByText('Failed: The bank account has been closed. (account_closed)').count()).resolves.toBe(6);
    const notPaidOut = page.getByTestId('balance-CNY-not-paid-out');
    await notPaidOut.waitFor();
    expect((await notPaidOut.textContent())!.replace(/\s/g, '')).toBe(`CN¥${((transferred - 10_000) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
    await page.getByTestId('balance-not-paid-out-help').waitFor();
    await screenshot('settlement-museum-bank-failed');

    // Ledger: newest first, keyset pages of 10; filter by kind and by date.
    const lines = page.getByTestId('ledger-lines').locator('tbody tr');
    await lines.first().waitFor();
    const total = Number((await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM settlement_journal_lines l JOIN settlement_accounts a ON a.id = l.account_id
       WHERE a.owner_type = 'MUSEUM' AND a.owner_id = ${shop.museumId}::uuid`)[0]!.n);
    expect(total).toBeGreaterThan(10);
    await page.getByTestId('settlement-ledger').getByRole('combobox', { name: /rows per page/i }).click();
    await page.getByRole('option', { name: '10', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="ledger-lines"] tbody tr').length === 10);
    const firstPage = await lines.allTextContents();
    await page.getByTestId('settlement-ledger').getByRole('button', { name: /go to page 2/i }).click();
    await page.waitForFunction((first) => document.querySelector('[data-testid="ledger-lines"] tbody tr')?.textContent !== first, firstPage[0]);
    const secondPage = await lines.allTextContents();
    expect(secondPage.length).toBe(Math.min(10, total - 10));
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
    await page.getByTestId('settlement-ledger').getByRole('button', { name: /go to page 1/i }).click();

    await page.getByTestId('settlement-ledger').getByLabel('Entry').click();
    await page.getByRole('option', { name: 'Payout', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="ledger-lines"] tbody tr').length === 6);
    await page.getByTestId('ledger-lines').getByText('Payout').first().waitFor();
    await screenshot('settlement-ledger-payouts');
    await page.getByTestId('settlement-ledger').getByLabel('Entry').click();
    await page.getByRole('option', { name: 'Refund', exact: true }).click();
    await page.getByTestId('ledger-lines').getByText(payableOrders[0].number).first().waitFor();
    // A date range before anything was written: nothing.
    await page.getByTestId('settlement-ledger').getByLabel('To').fill('2020-01-31');
    await page.getByText('No ledger line matches.').waitFor();

    // The month's statement as CSV.
    const download = page.waitForEvent('download');
    await page.getByTestId('statement-download').click();
    const file = await download;
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(file.suggestedFilename()).toMatch(new RegExp(`^settlement-museum-${shop.museumId}-\\d{4}-\\d{2}\\.csv$`));
    expect(csv.split(/\r?\n/).length).toBeGreaterThan(3);
    expect(csv).toContain('CNY');
    // And as PDF (GET /statements/settlement/…, the session's token): its closing rows are the CSV's.
    const pdfDownload = page.waitForEvent('download');
    await page.getByTestId('statement-download-pdf').click();
    const pdfFile = await pdfDownload;
    expect(pdfFile.suggestedFilename()).toMatch(new RegExp(`^settlement-museum-${shop.museumId}-\\d{4}-\\d{2}\\.pdf$`));
    const pdfText = pdfLines(readFileSync((await pdfFile.path())!));
    expect(pdfText[0]).toBe('Settlement statement');
    for (const row of csv.trim().split(/\r?\n/).filter((l) => l.includes(',CLOSING,'))) {
      const [, , , currency, , account, , , , amount] = row.split(',');
      const minor = Number(amount);
      const shown = `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')} ${currency}`;
      expect(pdfText).toContain(`${account === 'SELLER_PENDING' ? 'Pending' : 'Payable'} | CLOSING | ${shown}`);
    }

    // Another museum's settlement by URL: NOT_FOUND, and nothing of it shown.
    await page.goto(`${c.server.url}/#/settlement/MUSEUM-${other.museumId}/show`);
    await page.getByTestId('not-found').waitFor();
    await expect(page.getByTestId('settlement-balance').count()).resolves.toBe(0);
    await page.goto(`${c.server.url}/#/settlement/BRAND-${brand.id}/show`);
    await page.getByTestId('not-found').waitFor();
    await screenshot('settlement-other-museum-not-found');

    // The other museum's manager cannot open this museum's either.
    const { page: strangerPage } = await c.open();
    await signInFast(strangerPage, stranger.email, stranger.password);
    await strangerPage.goto(`${c.server.url}/#/settlement/MUSEUM-${shop.museumId}/show`);
    await strangerPage.getByTestId('not-found').waitFor();
    await expect(strangerPage.getByText(availableText).count()).resolves.toBe(0);

    // A brand partner: its own (empty) balance only; the museum's URL is NOT_FOUND.
    const { page: brandPage, screenshot: brandShot } = await c.open();
    await signInFast(brandPage, partner.email, partner.password);
    await brandPage.getByRole('menuitem', { name: 'Balances & payouts' }).click();
    await brandPage.getByTestId('settlement-sellers').locator('tbody tr').first().waitFor();
    await expect(brandPage.getByTestId('settlement-sellers').locator('tbody tr').count()).resolves.toBe(1);
    await brandPage.getByTestId('settlement-sellers').locator('tbody tr').first().click();
    await brandPage.getByTestId('settlement-show').waitFor();
    await brandPage.getByText('Nothing in the ledger yet.').waitFor();
    await brandShot('settlement-brand');
    await brandPage.goto(`${c.server.url}/#/settlement/MUSEUM-${shop.museumId}/show`);
    await brandPage.getByTestId('not-found').waitFor();

    // The operator: the platform ledger (tax owed to customs, commission, Stripe) and every seller.
    const { page: opPage, screenshot: opShot } = await c.open();
    await signInFast(opPage, operator.email, operator.password);
    await opPage.getByRole('menuitem', { name: 'Balances & payouts' }).click();
    await opPage.getByTestId('platform-taxOwedToCustoms').waitFor();
    expect(await opPage.getByTestId('platform-taxOwedToCustoms').textContent()).toMatch(/[1-9]/);
    const museumName = (await prisma.museum.findUniqueOrThrow({ where: { id: shop.museumId } })).legalName;
    await opPage.getByTestId('settlement-sellers').locator('tbody tr', { hasText: museumName }).first().waitFor();
    // The museum's bank payout failed: the operator's list shows what it was not paid out.
    await opPage.getByTestId('settlement-sellers').locator('tbody tr', { hasText: museumName }).getByTestId('seller-not-paid-out').waitFor();
    await expect(opPage.getByTestId('settlement-sellers').locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(2);
    await opShot('settlement-operator');
    // The month-end file: every seller's statement of the month in one CSV, the museum's rows as its own statement has them.
    await opPage.getByTestId('all-statements-month').fill(csv.split(/\r?\n/)[1]!.split(',')[2]!);
    const allDownload = opPage.waitForEvent('download');
    await opPage.getByTestId('all-statements-download').click();
    const allFile = await allDownload;
    expect(allFile.suggestedFilename()).toMatch(/^settlement-statements-\d{4}-\d{2}\.csv$/);
    const all = readFileSync((await allFile.path())!, 'utf8').trimEnd().split('\r\n');
    const museumCsv = csv.trimEnd().split('\r\n');
    expect(all.filter((l) => l === museumCsv[0])).toHaveLength(1);
    expect(all[0]).toBe(museumCsv[0]);
    expect(all.filter((l) => l.includes(shop.museumId))).toEqual(museumCsv.slice(1));

    // A payment of the tax to customs: more than is owed is refused in words and writes nothing; then 1.00 CNY is recorded and the tax owed goes down by it.
    const owedBefore = ((await c.api.gql('{ platformLedger { taxOwedToCustoms { amount currency } } }', {}, operatorToken)) as any).data.platformLedger.taxOwedToCustoms;
    const owedCny = owedBefore.find((a: any) => a.currency === 'CNY').amount as number;
    await opPage.getByTestId('remit-reference').fill('CUSTOMS-2026-12-001');
    await opPage.getByTestId('remit-amount').fill(`${Math.floor(owedCny / 100) + 1}.00`);
    await opPage.getByTestId('remit-submit').click();
    await opPage.getByText('That is more than the tax still owed to customs in this currency.').waitFor();
    await expect(prisma.settlementJournalEntry.count({ where: { kind: 'TAX_REMITTANCE' } })).resolves.toBe(0);
    await opPage.getByTestId('remit-amount').fill('1.00');
    await opPage.getByTestId('remit-submit').click();
    await opPage.getByText(/^Payment CUSTOMS-2026-12-001 recorded; still owed: /).waitFor();
    await expect(opPage.getByTestId('platform-taxOwedToCustoms').textContent()).resolves.toContain(formatCny(owedCny - 100));
    const owedAfter = ((await c.api.gql('{ platformLedger { taxOwedToCustoms { amount currency } } }', {}, operatorToken)) as any).data.platformLedger.taxOwedToCustoms;
    expect(owedAfter.find((a: any) => a.currency === 'CNY').amount).toBe(owedCny - 100);
    await opShot('settlement-operator-tax-paid');
  });

  it('reads in French', async () => {
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const { page, screenshot } = await c.open('fr-FR');
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Soldes et virements' }).click();
    await page.getByTestId('settlement-sellers').locator('tbody tr').first().click();
    await page.getByTestId('settlement-show').waitFor();
    await page.getByText('Compte de versement (Stripe Connect)').waitFor();
    await page.getByText('Grand livre').waitFor();
    await page.getByText('Relevé mensuel').waitFor();
    await page.getByText('Disponible').first().waitFor();
    await screenshot('settlement-museum-fr');
  });

  it('shows on the order’s split who funds each discount: the museum’s coupon, the platform’s promotion; the lines table has each line’s discount', async () => {
    const prisma = c.api.db.prisma;
    const manager = await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [other.museumId] });
    const managerToken = await c.api.login(manager.email);
    const operatorToken = await c.api.login((await createUser(prisma, 'PLATFORM_ADMIN')).email);
    const shopper = await c.api.login((await createUser(prisma, 'SHOPPER')).email);
    const window = { startsAt: new Date(Date.now() - 86_400_000).toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString() };
    const CREATE = `mutation($i: PromotionInput!) { createPromotion(input: $i) { id } }`;
    expect((await c.api.gql(CREATE, { i: { ...window, museumId: other.museumId, kind: 'COUPON', name: 'Amis du musée', code: 'AMIS5', discountType: 'AMOUNT', amountOffMinor: 500 } }, managerToken)).errors).toBeUndefined();
    expect((await c.api.gql(CREATE, { i: { ...window, museumId: null, kind: 'THRESHOLD', name: '平台满100减10', tiers: [{ minMinor: 10_000, offMinor: 1_000 }] } }, operatorToken)).errors).toBeUndefined();
    const r: any = await c.api.gql(ADD_LINE, { i: { variantId: other.variants[0]!.id, quantity: 1, cartToken: null } }, shopper);
    const placed: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, 'settle-ui-promo', { id: residentId(7620), couponCode: 'AMIS5' }) }, shopper);
    expect(placed.errors).toBeUndefined();
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const orderId = placed.data.placeOrder.orders[0].id as string;

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`${c.server.url}/#/orders/${orderId}/show`);
    const split = page.getByTestId('order-split');
    await split.waitFor();
    await expect(split.getByTestId('split-discount').count()).resolves.toBe(2);
    await split.getByTestId('split-discount').filter({ hasText: 'Amis du musée' }).getByText('The museum').waitFor();
    await split.getByTestId('split-discount').filter({ hasText: '平台满100减10' }).getByText('The platform').waitFor();
    await split.getByTestId('split-PLATFORM_PROMOTIONS-PROMOTION').getByText('Platform (pays its promotions)').waitFor();
    expect((await split.getByTestId('split-PLATFORM_PROMOTIONS-PROMOTION').textContent())!).toContain('-CN¥10.00');
    await split.getByTestId('split-TAX_PAYABLE-TAX').waitFor();
    await screenshot('settlement-order-split-promotions');

    // The lines table has each line's share of the promotions, so its columns add up:
    // goods − discount + freight + insurance + tax = total, per line and in the totals row.
    const lines = page.getByTestId('order-lines');
    await lines.getByRole('columnheader', { name: 'Discount' }).waitFor();
    const cents = (text: string) => {
      if (text.trim() === '—') return 0;
      const m = /([-−])?\s*CN¥([\d,]+)\.(\d\d)/.exec(text);
      if (!m) throw new Error(`not an amount: ${text}`);
      return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]));
    };
    // Cells found by their column's header, so a column moved or added elsewhere does not shift them.
    const headers = (await lines.locator('thead th').allTextContents()).map((h) => h.trim());
    const column = (name: string) => {
      const i = headers.indexOf(name);
      if (i < 0) throw new Error(`no column ${name} in ${headers.join(' | ')}`);
      return i;
    };
    const row = await lines.locator('tbody tr').first().locator('td').allTextContents();
    const [goods, discount, freight, insurance, tax, total] = ['Goods', 'Discount', 'Freight', 'Insurance', 'Tax', 'Total'].map((h) => cents(row[column(h)]!));
    expect(discount).toBe(-1_500);
    expect(goods + discount + freight + insurance + tax).toBe(total);
    const foot = await lines.locator('tfoot tr td').allTextContents();
    const [goodsTotal, discountTotal, shippingTotal, insuranceTotal, taxTotal, orderTotal] = [1, 2, 3, 4, 7, 8].map((i) => cents(foot[i]!));
    expect(discountTotal).toBe(-1_500);
    expect(goodsTotal + discountTotal + shippingTotal + insuranceTotal + taxTotal).toBe(orderTotal);
    expect(orderTotal).toBe(placed.data.placeOrder.orders[0].total);
    await lines.scrollIntoViewIfNeeded();
    await screenshot('order-lines-discount');
  });
});
