import { randomUUID } from 'node:crypto';
import { createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, licenseAfterSale, placeOrderInput, residentId, seedFx, seedShop, setStock, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { pdfLines, pdfTexts } from '../support/pdf-text';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(120_000);

/**
 * Issue 21, the monthly settlement statement as PDF over HTTP
 * (GET /statements/settlement/<MUSEUM|BRAND>-<id>/<YYYY-MM>.pdf): the museum's manager and the
 * brand each download their own (the operator any), and every figure the PDF prints — opening,
 * each movement, closing — is the CSV's row and the ledger's sum to the cent (read from the
 * PDF's text, not from the API's answer); the storefront's and the brand's Chinese names are
 * drawn with an embedded CJK font; every other tenant gets 404, a shopper 403, no token 401, a
 * bad month 400. The operator's month-end file (GET /statements/settlement/all/<YYYY-MM>.csv):
 * every seller's statement rows, the header once; anyone else 403.
 */
const STATEMENT = `query($month: String!, $m: ID, $b: ID) { sellerStatement(month: $month, museumId: $m, brandId: $b) { sellerType sellerId csv } }`;
const REFUND = `mutation($id: ID!, $reason: String!) { refundOrder(id: $id, reason: $reason) { refundId amount } }`;

/** Minor units as the statement prints them (2 decimals), by integer arithmetic. */
const decimal = (minor: number) => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
const LABEL: Record<string, string> = { SELLER_PENDING: 'Pending', SELLER_PAYABLE: 'Payable' };

describe('settlement statement PDF', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let brandId: string;
  const month = new Date().toISOString().slice(0, 7);
  const tokens: Record<'operator' | 'manager' | 'otherManager' | 'brand' | 'otherBrand' | 'shopper', string> = {} as never;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi());
    const prisma = api.db.prisma;
    await seedFx(prisma, '7.8000');
    shop = await seedShop(prisma, { prices: [12_345, 3_333], stock: 20 });
    await licenseAfterSale(prisma, shop.museumId, shop.variants[0]!.productId);
    brandId = (await prisma.licensedProduct.findUniqueOrThrow({ where: { productId: shop.variants[0]!.productId } })).fulfilledByBrandId;
    const brandLocation = await prisma.stockLocation.create({ data: { brandId, code: `BR-${randomUUID().slice(0, 6)}`, name: 'Atelier', kind: 'EU_WAREHOUSE', priority: 1 } });
    await setStock(prisma, brandLocation.id, shop.variants[0]!.id, 20);
    await prisma.storefront.update({ where: { museumId: shop.museumId }, data: { nameZh: '卢浮宫博物馆官方旗舰店', nameEn: 'Louvre official store' } });
    await prisma.brand.update({ where: { id: brandId }, data: { name: '故宫文创' } });
    const other = await createMuseum(prisma);
    const otherBrand = await createBrand(prisma);
    tokens.operator = await api.login((await createUser(prisma, 'PLATFORM_ADMIN')).email);
    tokens.manager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    tokens.otherManager = await api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [other.id] })).email);
    tokens.brand = await api.login((await createUser(prisma, 'BRAND_PARTNER', { brandId })).email);
    tokens.otherBrand = await api.login((await createUser(prisma, 'BRAND_PARTNER', { brandId: otherBrand.id })).email);
    tokens.shopper = await api.login((await createUser(prisma, 'SHOPPER')).email);
    await api.gql(`mutation($i: SetCommissionRatesInput!) { setCommissionRates(input: $i) { id } }`, {
      i: { storefrontId: (await prisma.storefront.findUniqueOrThrow({ where: { museumId: shop.museumId } })).id, defaultRateBps: 1_234, categoryRates: [] },
    }, tokens.operator);

    // Two paid checkouts, each a co-branded line the brand ships and a museum poster.
    for (const n of [1, 2]) {
      let token: string | null = null;
      let cartId = '';
      for (const [variant, quantity] of [[0, n], [1, 3]] as const) {
        const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[variant]!.id, quantity, cartToken: token } });
        expect(r.errors).toBeUndefined();
        token = r.data.addCartLine.cartToken ?? token;
        cartId = r.data.addCartLine.cart.id;
      }
      const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, `pdf-${n}-${randomUUID()}`, { cartToken: token, id: residentId(9400 + n) }) });
      expect(placed.errors).toBeUndefined();
      expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
      // The brand's order of the first checkout and the museum's of the second are refunded.
      const refunded = (placed.data.placeOrder.orders as any[]).find((o) => o.lines[0].variantId === shop.variants[n === 1 ? 0 : 1]!.id);
      const refund: any = await api.gql(REFUND, { id: refunded.id, reason: 'damaged' }, tokens.manager);
      expect(refund.errors).toBeUndefined();
    }
  });
  afterAll(() => close());

  const get = (seller: string, file: string, token?: string) => fetch(`${api.baseUrl}/statements/settlement/${seller}/${file}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  /** What the ledger says the seller is owed at the end of the month, per account, by its own sum. */
  async function ledgerClosing(ownerType: string, ownerId: string): Promise<Record<string, number>> {
    const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));
    const rows = await api.db.prisma.$queryRaw<{ kind: string; owed: bigint }[]>`
      SELECT a.kind, -sum(l.amount_minor)::bigint AS owed FROM settlement_accounts a
        JOIN settlement_journal_lines l ON l.account_id = a.id JOIN settlement_journal_entries e ON e.id = l.entry_id
       WHERE a.owner_type = ${ownerType} AND a.owner_id = ${ownerId}::uuid AND a.kind IN ('SELLER_PENDING', 'SELLER_PAYABLE') AND l.currency = 'CNY' AND e.created_at < ${end}
       GROUP BY a.kind`;
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.owed)]));
  }

  it.each([
    ['manager', 'MUSEUM', () => shop.museumId, '卢浮宫博物馆官方旗舰店'],
    ['brand', 'BRAND', () => brandId, '故宫文创'],
  ] as const)('the %s downloads its own month as PDF: every figure is the CSV’s and the ledger’s to the cent, its Chinese name in an embedded font', async (who, type, id, chineseName) => {
    const res = await get(`${type}-${id()}`, `${month}.pdf`, tokens[who]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="settlement-${type.toLowerCase()}-${id()}-${month}.pdf"`);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const lines = pdfLines(pdf);
    expect(lines[0]).toBe('Settlement statement');
    expect(lines).toContain(`Month: ${month} (UTC, entries by when they were written)`);

    // The Chinese name is drawn with an embedded font that maps back to the same characters.
    const name = pdfTexts(pdf).find((t) => t.text.includes(chineseName));
    expect(name).toMatchObject({ embedded: true, font: expect.stringMatching(/^[A-Z]{6}\+/) });
    expect(pdf.toString('latin1')).toMatch(/\/FontFile[23]? \d+ 0 R/);

    // Every CSV row is a row of the PDF, with the same amount in decimal.
    const st: any = await api.gql(STATEMENT, type === 'MUSEUM' ? { month, m: id() } : { month, b: id() }, tokens[who]);
    expect(st.errors).toBeUndefined();
    const csv = (st.data.sellerStatement.csv as string).trim().split('\r\n').slice(1).map((r) => r.split(','));
    const movements = csv.filter((r) => r[4] === 'MOVEMENT');
    expect(movements.length).toBeGreaterThanOrEqual(3);
    expect(movements.map((r) => r[6])).toEqual(expect.arrayContaining(['ORDER_PAID', 'REFUND']));
    const rows = lines.filter((l) => /^(Pending|Payable|Total|Deducted) \| .* CNY$/.test(l));
    const closing = (account: string) => Number(csv.find((r) => r[4] === 'CLOSING' && r[5] === account)![9]);
    const expected = csv.flatMap(([, , , currency, row, account, entryKind, component, orders, amount]) => {
      const shown = `${decimal(Number(amount))} ${currency}`;
      if (row === 'DEDUCTED') return [['Deducted', entryKind, component === 'ROYALTY' ? 'ROYALTY (museum)' : component, orders, shown].join(' | ')];
      const printed = [LABEL[account!], row === 'MOVEMENT' ? entryKind : row, component, orders, shown].filter(Boolean).join(' | ');
      // The PDF's total closes the balance rows, before what was deducted from the goods.
      return row === 'CLOSING' && account === 'SELLER_PAYABLE' ? [printed, `Total | CLOSING | ${decimal(closing('SELLER_PENDING') + closing('SELLER_PAYABLE'))} CNY`] : [printed];
    });
    expect(rows).toEqual(expected);
    expect(rows.filter((l) => l.startsWith('Deducted | ORDER_PAID | COMMISSION | '))).toHaveLength(1);
    expect(rows.some((l) => l.startsWith('Deducted | ORDER_PAID | ROYALTY (museum) | '))).toBe(type === 'BRAND');

    // The closing rows are the ledger's own sums, and opening + movements = closing in the PDF's figures.
    const ledger = await ledgerClosing(type, id());
    expect(rows).toContain(`Pending | CLOSING | ${decimal(ledger['SELLER_PENDING'] ?? 0)} CNY`);
    expect(rows).toContain(`Payable | CLOSING | ${decimal(ledger['SELLER_PAYABLE'] ?? 0)} CNY`);
    const cents = (l: string) => {
      const [, sign, units, fraction] = /(-?)(\d+)\.(\d\d) CNY$/.exec(l)!;
      return (sign ? -1 : 1) * (Number(units) * 100 + Number(fraction));
    };
    for (const account of ['Pending', 'Payable']) {
      const mine = rows.filter((l) => l.startsWith(`${account} | `));
      const opening = cents(mine.find((l) => l.includes('| OPENING |'))!);
      const moved = mine.filter((l) => !/\| (OPENING|CLOSING) \|/.test(l)).reduce((a, l) => a + cents(l), 0);
      expect(opening + moved).toBe(cents(mine.find((l) => l.includes('| CLOSING |'))!));
    }
    expect(ledger['SELLER_PENDING']).toBeGreaterThan(0);
  });

  it('the operator downloads any seller’s; another museum’s manager, another brand, the brand for the museum and the manager for the brand get 404; a shopper 403, no token 401', async () => {
    const museum = `MUSEUM-${shop.museumId}`;
    const brand = `BRAND-${brandId}`;
    expect((await get(museum, `${month}.pdf`, tokens.operator)).status).toBe(200);
    expect((await get(brand, `${month}.pdf`, tokens.operator)).status).toBe(200);
    const refused: [string, string, number][] = [
      [museum, 'otherManager', 404],
      [museum, 'brand', 404],
      [museum, 'otherBrand', 404],
      [brand, 'manager', 404],
      [brand, 'otherBrand', 404],
      [brand, 'otherManager', 404],
      [museum, 'shopper', 403],
    ];
    for (const [seller, who, status] of refused) {
      const res = await get(seller, `${month}.pdf`, tokens[who as keyof typeof tokens]);
      expect([seller.split('-')[0], who, res.status]).toEqual([seller.split('-')[0], who, status]);
      expect(res.headers.get('content-type')).not.toBe('application/pdf');
    }
    expect((await get(museum, `${month}.pdf`)).status).toBe(401);
    expect((await get(`MUSEUM-${randomUUID()}`, `${month}.pdf`, tokens.manager)).status).toBe(404);
    expect((await get(`SHOP-${shop.museumId}`, `${month}.pdf`, tokens.manager)).status).toBe(404);
    const bad = await get(museum, '2026-13.pdf', tokens.manager);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it.each([
    ['manager', 'MUSEUM'],
    ['brand', 'BRAND'],
  ] as const)('the %s’s statement lists the commission (and the brand’s the royalty) taken from its goods: goods movement + deductions = its orders’ goods', async (who, type) => {
    const id = type === 'MUSEUM' ? shop.museumId : brandId;
    const st: any = await api.gql(
      `query($month: String!, $m: ID, $b: ID) { sellerStatement(month: $month, museumId: $m, brandId: $b) {
         currencies { currency movements { account entryKind component amount } deductions { entryKind component orders amount } } } }`,
      type === 'MUSEUM' ? { month, m: id } : { month, b: id },
      tokens[who],
    );
    expect(st.errors).toBeUndefined();
    const [cny] = st.data.sellerStatement.currencies;
    const deducted = (entryKind: string, component: string) => cny.deductions.find((d: any) => d.entryKind === entryKind && d.component === component);
    const goodsMoved = (entryKind: string) => cny.movements.filter((m: any) => m.entryKind === entryKind && m.component === 'GOODS' && m.account === 'SELLER_PENDING').reduce((a: number, m: any) => a + m.amount, 0);

    // The seller's orders (the brand's: those it fulfils; the museum's: its own) and their goods, from the orders themselves.
    const orders = await api.db.prisma.order.findMany({
      where: type === 'MUSEUM' ? { museumId: id, fulfilledByBrandId: null } : { fulfilledByBrandId: id },
      include: { lines: true },
    });
    expect(orders).toHaveLength(2);
    const goods = orders.flatMap((o) => o.lines).reduce((a, l) => a + l.goodsMinor, 0);
    const commission = orders.flatMap((o) => o.lines).reduce((a, l) => a + Math.round((l.goodsMinor * 1_234) / 10_000), 0);
    expect(deducted('ORDER_PAID', 'COMMISSION')).toEqual({ entryKind: 'ORDER_PAID', component: 'COMMISSION', orders: 2, amount: commission });
    const royalty = deducted('ORDER_PAID', 'ROYALTY')?.amount ?? 0;
    if (type === 'BRAND') expect(royalty).toBe(Math.round((goods * 1_000) / 10_000));
    else expect(royalty).toBe(0);
    expect(goodsMoved('ORDER_PAID') + commission + royalty).toBe(goods);

    // One order of each seller was refunded in full (refundOrder above): its commission (and royalty) came back, so the
    // refund's goods movement and deductions are that order's goods, taken back.
    const back = deducted('REFUND', 'COMMISSION');
    expect(back).toMatchObject({ orders: 1 });
    const refundedGoods = goodsMoved('REFUND') + back.amount + (deducted('REFUND', 'ROYALTY')?.amount ?? 0);
    // (The museum's two orders are alike: either matches.)
    const refunded = orders.filter((o) => o.lines.reduce((a, l) => a + l.goodsMinor, 0) === -refundedGoods);
    expect(refunded.length).toBeGreaterThanOrEqual(1);
    expect(back.amount).toBe(-refunded[0]!.lines.reduce((a, l) => a + Math.round((l.goodsMinor * 1_234) / 10_000), 0));
  });

  it('the operator downloads every seller’s statements of the month in one CSV: the header once, then each seller’s own statement rows', async () => {
    const res = await get('all', `${month}.csv`, tokens.operator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="settlement-statements-${month}.csv"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const file = await res.text();
    const [header, ...rows] = file.trimEnd().split('\r\n');
    expect(header).toBe('seller_type,seller_id,month,currency,row,account,entry_kind,component,orders,amount_minor');
    expect(file.endsWith('\r\n')).toBe(true);

    // This database's two sellers: the museum and the brand, each exactly its own statement's rows, together.
    const own = async (m: string | null, b: string | null) => {
      const st: any = await api.gql(STATEMENT, { month, m, b }, tokens.operator);
      expect(st.errors).toBeUndefined();
      return (st.data.sellerStatement.csv as string).trimEnd().split('\r\n').slice(1);
    };
    const museumRows = await own(shop.museumId, null);
    const brandRows = await own(null, brandId);
    expect(museumRows.length).toBeGreaterThanOrEqual(5);
    expect(brandRows.length).toBeGreaterThanOrEqual(5);
    expect([...rows].sort()).toEqual([...museumRows, ...brandRows].sort());
    const first = rows[0]!.startsWith('MUSEUM,') ? museumRows : brandRows;
    expect(rows).toEqual([...first, ...(first === museumRows ? brandRows : museumRows)]);
  });

  it('every seller’s statements are the operator’s alone: a manager, a brand and a shopper get 403, no token 401, a bad month 400, and nothing is sent before the check', async () => {
    for (const who of ['manager', 'brand', 'shopper'] as const) {
      const res = await get('all', `${month}.csv`, tokens[who]);
      expect([who, res.status]).toEqual([who, 403]);
      expect(res.headers.get('content-type')).not.toContain('text/csv');
      expect(await res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await get('all', `${month}.csv`)).status).toBe(401);
    const bad = await get('all', '2026-13.csv', tokens.operator);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).not.toContain('text/csv');
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await get('all', `${month}.pdf`, tokens.operator)).status).toBe(404);
  });

  it('a month before any entry prints no rows', async () => {
    const res = await get(`MUSEUM-${shop.museumId}`, '2026-01.pdf', tokens.manager);
    expect(res.status).toBe(200);
    const lines = pdfLines(Buffer.from(await res.arrayBuffer()));
    expect(lines).toContain('No ledger entries up to the end of this month.');
    expect(lines.filter((l) => / CNY$/.test(l))).toEqual([]);
  });
});
