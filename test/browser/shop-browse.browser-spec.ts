import { createUser } from '@vitrine/shared/testing';
import { seedDemo } from '../../prisma/seed';
import { PUBLIC_PAGE_CACHE_CONTROL } from '../../apps/shop/src/lib/http-cache';
import { useShop } from './support/shop-fixture';
import { pageCheck } from './support/shop-steps';

/**
 * Issue 17, browsing the shop on a phone against the real API and the demo catalogue: a
 * shelf label's short link, the product in Chinese then English and French, the variant
 * picker, add to cart, storefront and work pages, search in three languages with filters and
 * sort. Every page passes axe-core (no serious or critical violation), has tap targets of at
 * least 44 px and no sideways scroll; screenshots in test/artifacts/shop-*.png.
 */
const check = pageCheck('shop');

describe('shop: browsing on a phone', () => {
  const f = useShop();
  let scarf: { id: string; shortCode: string; name: string; variants: { id: string; options: Record<string, string>; price: { amount: number } }[] };
  let coBranded: { id: string };

  beforeAll(async () => {
    await seedDemo(f.api.db.prisma);
    const r = await f.api.gql(`{ products(first: 20, locale: zh_CN, filter: { search: "丝巾", storefrontSlug: "louvre" }) {
      nodes { id shortCode name coBrandedWith variants { id options price { amount } } offers { variantId inStock } } } }`);
    const nodes = r.data.products.nodes;
    scarf = nodes.find((p: any) => p.variants.length === 2 && !p.coBrandedWith && p.offers.every((o: any) => o.inStock));
    coBranded = nodes.find((p: any) => p.coBrandedWith);
    expect(scarf).toBeTruthy();
    expect(coBranded).toBeTruthy();
  });

  it('a shelf label’s short link opens the product in Chinese; variants, tax, story, add to cart; then English and French', async () => {
    const s = await f.open(`/p/${scarf.shortCode}?utm_source=shelf-label`);
    const { page } = s;
    await page.waitForURL(new RegExp(`/zh-CN/products/${scarf.id}\\?utm_source=shelf-label$`));
    await page.getByRole('heading', { level: 1, name: scarf.name }).waitFor();
    expect(scarf.name).toMatch(/[\u4e00-\u9fff]/);
    // The cheaper size is picked first? No: the first variant in stock; its price as a Chinese shopper reads it.
    const price = (await page.getByTestId('price').textContent())!;
    expect(price).toMatch(/^¥\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(await page.getByTestId('tax-estimate').textContent()).toMatch(/^预估跨境综合税 ¥\d+\.\d{2}/);
    expect(await page.getByTestId('availability').textContent()).toMatch(/有货|仅剩少量/);
    await page.getByRole('heading', { name: '作品故事' }).waitFor();
    expect(await page.getByTestId('story').textContent()).toMatch(/馆藏编号/);
    // Option names in Chinese, each value a link to its variant.
    await page.getByText('选择尺寸').waitFor();
    await check(s, 'product-zh-CN');

    const other = scarf.variants.find((v) => !page.url().includes(v.id) && v.options['size'] !== undefined)!;
    const current = await page.locator('.option.current').textContent();
    const target = scarf.variants.find((v) => v.options['size'] !== current)!;
    void other;
    await page.getByRole('link', { name: target.options['size']! }).click();
    await page.waitForURL(new RegExp(`v=${target.id}`));
    await page.locator('.option.current', { hasText: target.options['size']! }).waitFor();
    const expected = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(target.price.amount / 100);
    expect(await page.getByTestId('price').textContent()).toBe(expected);

    // Add to cart as a guest: the header's count follows, the cart token is an httpOnly cookie.
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('added').waitFor();
    await page.getByTestId('cart-count').filter({ hasText: /^1$/ }).waitFor(); // read in the browser (HeaderSession)
    const cookie = (await s.context.cookies()).find((c) => c.name === 'vitrine_cart');
    expect(cookie?.httpOnly).toBe(true);
    await check(s, 'product-added-zh-CN');

    await page.locator('.locale-switcher a[data-locale="en"]').click();
    await page.waitForURL(/\/en\/products\//);
    await page.getByText(/^Estimated cross-border tax CN¥/).waitFor();
    await page.getByRole('heading', { name: 'The story of the work' }).waitFor();
    expect(await page.locator('h1').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('cart-count').filter({ hasText: /^1$/ }).waitFor(); // read in the browser (HeaderSession)
    await check(s, 'product-en');

    await page.locator('.locale-switcher a[data-locale="fr"]').click();
    await page.waitForURL(/\/fr\/products\//);
    await page.getByText(/^Taxe transfrontalière estimée/).waitFor();
    expect(await page.getByTestId('price').textContent()).toMatch(/^\d[\d\u202f\u00a0]*,\d{2}\s?CNY$/);
    await check(s, 'product-fr');

    // Link previews: Open Graph and the canonical URL of the French page.
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBeTruthy();
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/^https:\/\//);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${f.shop.url}/fr/products/${scarf.id}`);
  });

  it('marks a co-branded item with its partner brand', async () => {
    const s = await f.open(`/zh-CN/products/${coBranded.id}`);
    expect(await s.page.getByTestId('co-branded').textContent()).toBe('与 Maison Demo 联名');
    await check(s, 'product-co-branded-zh-CN');
  });

  it('a storefront and a work of art with its products, accession number and credit line', async () => {
    const s = await f.open('/s/louvre');
    const { page } = s;
    await page.waitForURL(/\/zh-CN\/m\/louvre$/);
    await page.getByRole('heading', { level: 1, name: '卢浮宫博物馆官方旗舰店' }).waitFor();
    await page.getByRole('heading', { name: '精选系列' }).waitFor();
    expect(await page.getByTestId('product-card').count()).toBeGreaterThan(0);
    // Responsive images: the banner (above the fold) is fetched first; the cards' images are lazy,
    // sized by srcset, with a WebP source the phone picks when it can.
    const images = await page.locator('picture').evaluateAll((ps) =>
      ps.map((p) => {
        const img = p.querySelector('img')!;
        return { card: !!p.closest('[data-testid="product-card"]'), loading: img.getAttribute('loading'), priority: img.getAttribute('fetchpriority'), srcset: img.getAttribute('srcset') ?? '', webp: p.querySelector('source[type="image/webp"]')?.getAttribute('srcset') ?? '', width: img.getAttribute('width') };
      }),
    );
    expect(images[0]).toMatchObject({ card: false, loading: 'eager', priority: 'high' });
    const cards = images.filter((i) => i.card);
    expect(cards.length).toBeGreaterThan(0);
    for (const i of cards) {
      expect(i).toMatchObject({ loading: 'lazy', priority: null });
      expect(i.srcset).toMatch(/ \d+w, .+ \d+w$/);
      expect(i.webp).toMatch(/\.webp \d+w/);
      expect(Number(i.width)).toBeGreaterThan(0);
    }
    await check(s, 'storefront-zh-CN');

    await page.locator('.work-list a').first().click();
    await page.waitForURL(/\/zh-CN\/m\/louvre\/works\//);
    const facts = (await page.getByTestId('artwork-facts').textContent())!;
    expect(facts).toMatch(/馆藏编号/);
    expect(facts).toMatch(/来源/);
    expect(await page.getByTestId('product-card').count()).toBeGreaterThan(0);
    await check(s, 'artwork-zh-CN');

    await page.goto(`${f.shop.url}/zh-CN/m/louvre`);
    await page.getByTestId('featured-collections').locator('a').first().click();
    await page.waitForURL(/\/collections\//);
    expect(await page.getByTestId('product-card').count()).toBeGreaterThan(0);
    await check(s, 'collection-zh-CN');
  });

  it('search finds scarves in Chinese, English and French; filters and sort narrow and order them', async () => {
    const s = await f.open('/zh-CN');
    const { page } = s;
    await page.locator('#site-search').fill('丝巾');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/zh-CN\/search\?q=/);
    const zhCount = await page.getByTestId('product-card').count();
    expect(zhCount).toBeGreaterThan(3);
    await page.getByRole('heading', { level: 1, name: new RegExp(`“丝巾”共 \\d+ 件商品`) }).waitFor();
    await check(s, 'search-zh-CN');

    for (const [locale, word] of [
      ['en', 'scarf'],
      ['fr', 'foulard'],
    ] as const) {
      await page.goto(`${f.shop.url}/${locale}/search?q=${word}`);
      expect(await page.getByTestId('product-card').count()).toBe(zhCount);
    }
    await check(s, 'search-fr');

    // Filters (Chinese page): the Louvre, at most ¥600, in stock, cheapest first.
    await page.goto(`${f.shop.url}/zh-CN/search?q=${encodeURIComponent('丝巾')}`);
    await page.locator('.filters summary').click();
    await page.locator('select[name="museum"]').selectOption('louvre');
    await page.locator('input[name="max"]').fill('600');
    await page.locator('input[name="instock"]').check();
    await page.locator('select[name="sort"]').selectOption('PRICE_ASC');
    await page.getByRole('button', { name: '应用' }).click();
    await page.waitForURL(/sort=PRICE_ASC/);
    const prices = await page.locator('.product-card .price').allTextContents();
    expect(prices.length).toBeGreaterThan(0);
    expect(prices.length).toBeLessThan(zhCount);
    const fen = prices.map((t) => Math.round(Number(t.replace(/[^\d.]/g, '')) * 100));
    expect(fen).toEqual([...fen].sort((a, b) => a - b));
    expect(fen.every((n) => n <= 60000)).toBe(true);
    await check(s, 'search-filtered-zh-CN');

    // The category filter: every card it leaves is in that category (as the API files them).
    await page.goto(`${f.shop.url}/zh-CN/search?q=${encodeURIComponent('丝巾')}`);
    const cardIds = () => page.locator('a[href*="/products/"]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).pathname.split('/').pop()!))]);
    const all = await f.api.db.prisma.product.findMany({ where: { id: { in: await cardIds() } }, select: { id: true, category: true } });
    const wanted = all[0]!.category;
    await page.locator('.filters summary').click();
    await page.locator('select[name="category"]').selectOption(wanted);
    await page.getByRole('button', { name: '应用' }).click();
    await page.waitForURL(new RegExp(`category=${encodeURIComponent(wanted)}`));
    // Exactly the search's products filed in that category (the first page holds them all).
    expect((await cardIds()).sort()).toEqual(all.filter((p) => p.category === wanted).map((p) => p.id).sort());

    // A price that is not one is said so, in Chinese, at the field.
    await page.goto(`${f.shop.url}/zh-CN/search?q=x&min=cheap`);
    await page.getByRole('alert').filter({ hasText: '请输入有效的价格' }).waitFor();
  });

  it('a signed-in shopper’s session lives in httpOnly cookies: the access token is renewed from the refresh token, and adding goes to their own cart', async () => {
    const shopper = await createUser(f.api.db.prisma, 'SHOPPER');
    const login = await f.api.gql('mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }', { i: { email: shopper.email, password: shopper.password } });
    const { refreshToken } = login.data.login;
    // On no shop page when the cookie is added: a page's own background requests (the header's
    // session read, the App Router's link prefetches) start after its load event, and under load
    // the home page's went out after the cookie, renewing the session themselves and answering the wait below.
    const s = await f.open(null);
    const host = new URL(f.shop.url).hostname;
    // Only the refresh token, as after the access token's cookie expired.
    await s.context.addCookies([{ name: 'vitrine_rt', value: refreshToken, domain: host, path: '/', httpOnly: true, sameSite: 'Lax' }]);
    // The product page renews the session through the header's request to /<locale>/session,
    // which its inline script sends after the page loaded: wait for that answer, not only the load.
    const sessionAnswer = s.page.waitForResponse((r) => new URL(r.url()).pathname === '/zh-CN/session');
    await s.page.goto(`${f.shop.url}/zh-CN/products/${scarf.id}`);
    const answer = await sessionAnswer;
    expect(answer.status()).toBe(200);
    await answer.finished();
    const jar = async () => Object.fromEntries((await s.context.cookies()).map((c) => [c.name, c]));
    const renewed = await jar();
    expect(renewed['vitrine_at']?.httpOnly).toBe(true);
    expect(renewed['vitrine_rt']?.httpOnly).toBe(true);
    expect(renewed['vitrine_rt']?.value).not.toBe(refreshToken); // rotated
    await s.page.getByTestId('add-to-cart').click();
    await s.page.getByTestId('added').waitFor();
    await s.page.getByTestId('cart-count').filter({ hasText: /^1$/ }).waitFor(); // read in the browser (HeaderSession)
    // Into the shopper's own cart: no guest cart token was handed out.
    expect((await jar())['vitrine_cart']).toBeUndefined();
    const cart = await f.api.gql('{ cart { lines { quantity variantId } } }', {}, renewed['vitrine_at']!.value);
    expect(cart.data.cart.lines).toEqual([{ quantity: 1, variantId: expect.any(String) }]);
    // The old refresh token was rotated away: using it again is refused by the API.
    const reuse = await f.api.gql('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: refreshToken });
    expect(reuse.errors?.[0]?.extensions?.['code']).toBe('INVALID_REFRESH_TOKEN');
  });

  it('anonymous catalogue pages may be replayed by a shared HTTP cache: the same HTML for every shopper, the cart count read in the browser', async () => {
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${f.shop.url}${path}`, { headers, redirect: 'manual' });
    const product = `/zh-CN/products/${scarf.id}`;
    for (const path of [product, '/zh-CN', '/en/m/louvre']) {
      const res = await get(path);
      expect({ path, status: res.status, cacheControl: res.headers.get('cache-control'), setCookie: res.headers.get('set-cookie') }).toEqual({ path, status: 200, cacheControl: PUBLIC_PAGE_CACHE_CONTROL, setCookie: null });
      // No count in the HTML: HeaderSession fills it in the browser.
      expect(await res.text()).toMatch(/<span class="cart-count unknown" data-testid="cart-count"><\/span>/);
    }
    // A guest cart's cookie changes nothing on the page: still shared.
    expect((await get(product, { cookie: 'vitrine_cart=some-guest-cart' })).headers.get('cache-control')).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    // Signed in (the proxy may rotate the session), App Router navigations (without `_rsc` Next answers
    // a 307 without Vary, which a cache must not replay to page loads), the shopper's own pages: never shared.
    for (const [path, headers] of [[product, { cookie: 'vitrine_at=not-a-token' }], [product, { rsc: '1' }], [`${product}?_rsc=abc`, { rsc: '1' }], ['/zh-CN/cart', {}], ['/zh-CN/account', {}]] as const) {
      const cacheControl = (await get(path, headers)).headers.get('cache-control') ?? '';
      expect({ path, headers, cacheControl }).toEqual({ path, headers, cacheControl: expect.not.stringMatching(/public|s-maxage/) });
    }
    const session = await get('/zh-CN/session');
    expect(session.headers.get('cache-control')).toBe('private, no-store');
    expect(await session.json()).toEqual({ cartCount: 0, signedIn: false, unreadNotices: 0 });

    // The shop keeps no page of its own: a manager's change and a sell-out show on the very next
    // request (a shared cache in front holds a page at most its s-maxage; the API clears its own
    // cache on a back-office write: public-cache e2e). Put back afterwards for the other tests.
    const prisma = f.api.db.prisma;
    const louvre = await prisma.museum.findUniqueOrThrow({ where: { slug: 'louvre' }, select: { id: true } });
    const manager = await f.api.login((await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [louvre.id] })).email);
    const UPDATE = `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id } }`;
    const SET_STOCK = `mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { onHand } }`;
    const renamed = `${scarf.name}（新版）`;
    expect((await f.api.gql(UPDATE, { i: { id: scarf.id, name: { zhCN: renamed } } }, manager)).errors).toBeUndefined();
    const page = async () => (await get(product)).text();
    expect(await page()).toContain(renamed);
    const levels = await prisma.stockLevel.findMany({ where: { variantId: { in: scarf.variants.map((v) => v.id) } }, select: { variantId: true, locationId: true, onHand: true, reserved: true } });
    expect(levels.every((l) => l.reserved === 0)).toBe(true);
    for (const l of levels) expect((await f.api.gql(SET_STOCK, { i: { variantId: l.variantId, locationId: l.locationId, onHand: 0 } }, manager)).errors).toBeUndefined();
    const soldOut = await page();
    expect(soldOut).toMatch(/<button type="submit" disabled="" data-testid="add-to-cart">/);
    expect(soldOut).toContain('data-testid="notify-back"');
    for (const l of levels) expect((await f.api.gql(SET_STOCK, { i: { variantId: l.variantId, locationId: l.locationId, onHand: l.onHand } }, manager)).errors).toBeUndefined();
    expect((await f.api.gql(UPDATE, { i: { id: scarf.id, name: { zhCN: scarf.name } } }, manager)).errors).toBeUndefined();
    const back = await page();
    expect(back).toContain(scarf.name);
    expect(back).not.toContain(renamed);
    expect(back).toMatch(/<button type="submit" data-testid="add-to-cart">/);
  });

  it('shows the API’s refusal in the shopper’s language at the buy box, and a missing product as the translated 404', async () => {
    // A storefront without its customs registration may not sell to China (CUSTOMS_REGISTRATION_MISSING).
    const orsay = await f.api.db.prisma.museum.findFirstOrThrow({ where: { slug: 'orsay' }, include: { storefront: true } });
    const saved = { customsCode: orsay.storefront!.customsCode, customsName: orsay.storefront!.customsName };
    await f.api.db.prisma.storefront.update({ where: { museumId: orsay.id }, data: { customsCode: null, customsName: null } });
    try {
      const r = await f.api.gql('{ products(first: 1, filter: { storefrontSlug: "orsay" }) { nodes { id } } }');
      const s = await f.open(`/zh-CN/products/${r.data.products.nodes[0].id}`);
      await s.page.getByTestId('add-to-cart').click();
      expect(await s.page.getByTestId('add-error').textContent()).toBe('该博物馆店铺尚未完成海关备案，暂时无法购买。');
      await s.page.getByTestId('cart-count').filter({ hasText: /^0$/ }).waitFor(); // read in the browser (HeaderSession)
      await check(s, 'product-refused-zh-CN');
      await s.page.locator('.locale-switcher a[data-locale="en"]').click();
      await s.page.getByText('This museum’s shop has not completed its customs registration yet, so it cannot sell for now.').waitFor();
      await check(s, 'product-refused-en');

      const missing = await s.page.goto(`${f.shop.url}/zh-CN/products/00000000-0000-4000-8000-000000000000`);
      expect(missing!.status()).toBe(404);
      await s.page.getByRole('heading', { name: '页面不存在' }).waitFor();
      s.errors.splice(0); // the 404 document's load is logged as failed: it is what this asks for
    } finally {
      await f.api.db.prisma.storefront.update({ where: { museumId: orsay.id }, data: saved });
    }
  });
});
