import path from 'node:path';
import { createMuseum, createUser } from '@vitrine/shared/testing';
import { machine, writePerformanceSection } from '../../bench/support';
import { ARTIFACTS, signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

/**
 * The figure: a product list of 10,000 products renders its first page in under
 * 1.5 s, measured in the browser from navigation start. The test checks what the page
 * shows (total, first rows in order) and records the time in docs/performance.md; the time
 * itself is a benchmark figure, not a pass/fail condition (the machine is shared).
 */

const PRODUCTS = 10_000;
const OTHER_MUSEUM_PRODUCTS = 5_000;
const RUNS = 3;
const TARGET_MS = 1500;

interface Timing {
  /** performance.now() (ms since navigation start) in the first animation frame with the rows. */
  rowsVisible: number;
  domContentLoaded: number;
  /** The first full ManagedProducts request: start and end since navigation start. */
  listRequestStart: number;
  listRequestEnd: number;
  scripts: number;
}

const name = (i: number) => `Product ${String(i).padStart(5, '0')}`;

/** 10,000 products (2 variants, 1 picture each) as a museum has them: mostly published. */
async function seed(prisma: import('@vitrine/shared/data-access').PrismaService, museumId: string, count: number, prefix: string): Promise<void> {
  await prisma.$executeRawUnsafe(
    `INSERT INTO products (id, museum_id, status, category, cross_border_category, name_fr, name_en, name_zh,
       description_fr, description_en, description_zh, search_text, min_price_eur_cents, popularity, published_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1::uuid,
       (CASE WHEN p % 20 = 0 THEN 'ARCHIVED' WHEN p % 4 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"ProductStatus",
       (ARRAY['scarves','prints','notebooks','mugs'])[1 + p % 4], 'GENERAL',
       $2 || ' ' || lpad(p::text, 5, '0'), $2 || ' ' || lpad(p::text, 5, '0'), '商品 ' || p, 'Description', 'Description', '描述',
       lower($2) || ' ' || lpad(p::text, 5, '0'), 1500 + (p * 37) % 20000, (p * 7919) % 1000,
       CASE WHEN p % 4 = 0 THEN NULL ELSE now() END,
       timestamp '2026-01-01' - (p || ' minutes')::interval, timestamp '2026-01-01' - (p || ' minutes')::interval
     FROM generate_series(1, $3::int) p`,
    museumId,
    prefix,
    count,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO product_variants (id, product_id, museum_id, sku, options, price_minor, currency, weight_grams, hs_code, origin_country, position, updated_at)
     SELECT gen_random_uuid(), p.id, p.museum_id, 'SKU-' || p.id || '-' || v, jsonb_build_object('size', (ARRAY['S','M'])[v]),
       p.min_price_eur_cents + (v - 1) * 500, 'EUR', 120, '6214100000', 'FR', v, now()
     FROM products p, generate_series(1, 2) v WHERE p.museum_id = $1::uuid`,
    museumId,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO product_media (id, product_id, url, alt, position)
     SELECT gen_random_uuid(), p.id, 'https://img.example.test/p/' || p.id || '.jpg', 'photo', 0 FROM products p WHERE p.museum_id = $1::uuid`,
    museumId,
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => Math.round(x);

describe('console: the product list of 10,000 products', () => {
  const c = useConsole();

  it('shows the first page of 10,000 products with the right total, and records the time from navigation start', async () => {
    const prisma = c.api.db.prisma;
    const museum = await createMuseum(prisma);
    const other = await createMuseum(prisma);
    const manager = await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const seeded = Date.now();
    await seed(prisma, museum.id, PRODUCTS, 'Product');
    await seed(prisma, other.id, OTHER_MUSEUM_PRODUCTS, 'Other');
    await prisma.$executeRawUnsafe('ANALYZE products, product_variants, product_media');
    const seedSeconds = (Date.now() - seeded) / 1000;

    const timings: Timing[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each time: nothing cached, as on a first visit.
      const { page, screenshot } = await c.open();
      await signInFast(page, manager.email, manager.password);
      // The dashboard's own requests done, so leaving it aborts nothing.
      await page.waitForLoadState('networkidle');
      // A full page load of the list (another URL than the dashboard's, so not a hash change);
      // from the moment it commits, every animation frame checks for the first page's rows.
      await page.goto(`/?run=${run}#/products`, { waitUntil: 'commit' });
      const visibleAt = await page.waitForFunction(
        (firstName: string) => {
          const rows = document.querySelectorAll('.RaDatagrid-tbody .RaDatagrid-row');
          return rows.length >= 25 && rows[0]!.textContent!.includes(firstName) ? performance.now() : false;
        },
        name(1),
        { polling: 'raf', timeout: 30_000 },
      );
      const rowsVisible = (await visibleAt.jsonValue()) as number;
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const graphql = resources.filter((r) => r.name.endsWith('/graphql'));
        const scripts = resources.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
        // The list query's answer is by far the largest GraphQL body of the load.
        const list = [...graphql].sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0];
        return {
          domContentLoaded: nav.domContentLoadedEventEnd,
          listRequestStart: list?.startTime ?? 0,
          listRequestEnd: list?.responseEnd ?? 0,
          scripts: Math.max(0, ...scripts.map((s) => s.responseEnd)),
        };
      });
      timings.push({ ...timing, rowsVisible });

      // What the manager sees: the total, and the newest 25 in order.
      await page.getByText(`1-25 of ${PRODUCTS}`).waitFor();
      // Column 0 is the selection box, 1 the thumbnail, 2 the name.
      const firstColumn = await page.locator('.RaDatagrid-tbody .RaDatagrid-row').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]?.textContent?.trim() ?? ''));
      expect(firstColumn).toEqual(Array.from({ length: 25 }, (_, i) => name(i + 1)));
      if (run === 0) await screenshot('manager-products-10000');
    }

    const visible = timings.map((t) => t.rowsVisible);
    const figure = median(visible);
    const rows = timings.map(
      (t, i) =>
        `| ${i + 1} | ${ms(t.scripts)} | ${ms(t.domContentLoaded)} | ${ms(t.listRequestStart)} | ${ms(t.listRequestEnd - t.listRequestStart)} | ${ms(t.rowsVisible - t.listRequestEnd)} | **${ms(t.rowsVisible)}** |`,
    );
    // `npm run perf:console` records the figure in docs/performance.md; a plain test run (npm test)
    // writes it under test/artifacts, so running the suite leaves the committed figures alone.
    const recordTo = process.env['RECORD_PERFORMANCE'] === '1' ? undefined : path.join(ARTIFACTS, 'performance.md');
    writePerformanceSection(
      'console:product-list',
      [
        '## Seller console: product list of 10,000 products (`test/browser/product-list-performance.browser-spec.ts`)',
        '',
        `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, by the browser test (\`npm run perf:console\`; \`npm test\` runs it too and writes the figure under test/artifacts).`,
        `One museum with ${PRODUCTS.toLocaleString('en-GB')} products (2 variants and 1 picture each; 70 % published, 25 % drafts, 5 % archived) and another with ${OTHER_MUSEUM_PRODUCTS.toLocaleString('en-GB')}, seeded with \`generate_series\` in ${seedSeconds.toFixed(1)} s.`,
        'The manager signs in (the dashboard loads), then opens `/#/products` as a full page load in the same tab: the production build of the console from the test’s static server, which sends no cache headers, so the scripts (the framework chunk is 1.1 MB before compression) are fetched again; the API of the test harness (`NODE_ENV=test`, one process) on PostgreSQL; Debian’s Chromium headless; all on the same machine.',
        'Milliseconds from navigation start (`performance.timeOrigin`): scripts loaded, DOMContentLoaded, the `ManagedProducts` request sent (after the console boots, loads the products screen chunk and renders), its round trip, the render after the answer, and the first animation frame in which the first page’s 25 rows are in the DOM (newest first, total 10,000).',
        '',
        '| run | scripts loaded | DOMContentLoaded | list query sent | list query round trip | render after answer | first page visible |',
        '|---:|---:|---:|---:|---:|---:|---:|',
        ...rows,
        '',
        'Server side, the list’s SQL reads `products_museum_id_created_at_id_idx` (migration `manager_product_list_index`): EXPLAIN ANALYZE at 10,000 products gives 0.1 ms for the first page and 1.4 ms for `totalCount` (index-only), where the page was a sequential scan and top-N sort of 5 ms before.',
        '',
        `**First page visible: ${ms(figure)} ms (median of ${RUNS})**; target under ${TARGET_MS} ms: ${figure < TARGET_MS ? 'met' : 'NOT met'}.`,
      ].join('\n'),
      recordTo,
    );
    console.log(`product list of ${PRODUCTS}: first page visible after ${visible.map(ms).join(', ')} ms (median ${ms(figure)})`);
    // The figure is recorded, not asserted; this only checks that it was measured at all.
    expect(figure).toBeGreaterThan(0);
  });
});
