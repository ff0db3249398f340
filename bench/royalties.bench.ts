// npm run bench:royalties — the monthly royalty statement run on a year of sales.
// Seeds 200 licence agreements (one co-branded product each) and 1,000,000 paid order lines
// over 2025 (4 lines per order, 2 % of orders refunded) straight into the real tables with
// generate_series, then runs the monthly statement job of licensing (RoyaltyStatementsService:
// book the month's royalty entries from the order lines, streamed, then one statement per
// agreement) for each month of the year, timing every run and sampling the process's RSS.
// The figures go to docs/performance.md. BENCH_LINES scales the volume down for a quick run.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataAccessModule } from '@vitrine/shared/data-access';
import { Clock, LicensingCoreModule, RoyaltyStatementsService } from '@vitrine/licensing';
import os from 'node:os';
import { freshDatabase, machine, withClient, writePerformanceSection } from './support';

const AGREEMENTS = 200;
const MUSEUMS = 20;
const BRANDS = 50;
const LINES = Number(process.env['BENCH_LINES'] ?? 1_000_000);
const LINES_PER_ORDER = 4;
const ORDERS = Math.ceil(LINES / LINES_PER_ORDER);
const YEAR = 2025;
const VACUUM_BETWEEN = process.env['BENCH_VACUUM'] !== '0';

@Module({ imports: [DataAccessModule, LicensingCoreModule] })
class BenchModule {}

async function seed(url: string): Promise<void> {
  await withClient(url, async (c) => {
    const t0 = Date.now();
    await c.query(`INSERT INTO museums (id, slug, legal_name, country, updated_at)
      SELECT gen_random_uuid(), 'museum-' || m, 'Museum ' || m || ' SA', 'FR', now() FROM generate_series(1, ${MUSEUMS}) m`);
    await c.query(`INSERT INTO storefronts (id, museum_id, status, name_fr, name_en, name_zh, updated_at)
      SELECT gen_random_uuid(), id, 'OPEN', 'Musée ' || slug, 'Museum ' || slug, slug || ' 博物馆', now() FROM museums`);
    await c.query(`INSERT INTO brands (id, slug, name, country, updated_at)
      SELECT gen_random_uuid(), 'brand-' || b, 'Brand ' || b, 'FR', now() FROM generate_series(1, ${BRANDS}) b`);
    // Agreement n: museum n % 20, brand n % 50; rates 5–15 %; one in ten in CNY; 2025 terms.
    await c.query(`
      WITH m AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS i FROM museums),
           b AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS i FROM brands),
           n AS (SELECT g AS n, gen_random_uuid() AS proposal_id, gen_random_uuid() AS agreement_id, gen_random_uuid() AS product_id FROM generate_series(0, ${AGREEMENTS - 1}) g)
      , p AS (
        INSERT INTO licensing_proposals (id, museum_id, brand_id, status, stage, content, approved_version, submission_no, first_submitted_at, created_by_user_id)
        SELECT n.proposal_id, m.id, b.id, 'APPROVED', 'FINAL_SAMPLE', '{}', 1, 3, now(), gen_random_uuid()
          FROM n JOIN m ON m.i = n.n % ${MUSEUMS} JOIN b ON b.i = n.n % ${BRANDS} RETURNING id)
      , a AS (
        INSERT INTO licence_agreements (id, proposal_id, museum_id, brand_id, royalty_rate_bps, currency, minimum_guarantee_minor, advance_minor,
                                        territory, channels, term_start, term_end, sell_off_days, sell_off_end, approved_version)
        SELECT n.agreement_id, n.proposal_id, m.id, b.id, 500 + (n.n * 37) % 1001, CASE WHEN n.n % 10 = 0 THEN 'CNY' ELSE 'EUR' END,
               5000000 + (n.n % 7) * 1000000, 1000000 + (n.n % 5) * 250000,
               '{CN,FR}', '{VITRINE_MARKETPLACE}', '${YEAR}-01-01', '${YEAR}-12-31', 90, DATE '${YEAR}-12-31' + 90, 1
          FROM n JOIN m ON m.i = n.n % ${MUSEUMS} JOIN b ON b.i = n.n % ${BRANDS} RETURNING id)
      , pr AS (
        INSERT INTO products (id, museum_id, status, category, name_en, min_price_eur_cents, published_at, updated_at)
        SELECT n.product_id, m.id, 'PUBLISHED', 'scarves', 'Licensed ' || n.n, 8900, now(), now()
          FROM n JOIN m ON m.i = n.n % ${MUSEUMS} RETURNING id)
      INSERT INTO licensed_products (product_id, agreement_id, museum_id, fulfilled_by_brand_id)
      SELECT n.product_id, n.agreement_id, m.id, b.id FROM n JOIN m ON m.i = n.n % ${MUSEUMS} JOIN b ON b.i = n.n % ${BRANDS}`);
    // Orders spread evenly over the year; 2 % refunded ten days later.
    await c.query(`
      CREATE TEMP TABLE bench_orders AS
      SELECT o AS n, gen_random_uuid() AS id, gen_random_uuid() AS checkout_id,
             TIMESTAMP '${YEAR}-01-01' + (o::double precision / ${ORDERS}) * INTERVAL '365 days' AS paid_at,
             (7.6 + (o % 400) / 1000.0)::numeric(18, 8) AS fx_rate
        FROM generate_series(0, ${ORDERS - 1}) o`);
    await c.query(`INSERT INTO checkouts (id, idempotency_key, fingerprint, cart_id, identity_id, goods_minor, shipping_minor, insurance_minor, tax_minor, total_minor,
                                          id_consent_at, risk_notice_accepted_at, consent_version, hold_expires_at, created_at)
      SELECT checkout_id, 'bench-' || n, 'bench', gen_random_uuid(), gen_random_uuid(), 0, 0, 0, 0, 0, paid_at, paid_at, 'v1', paid_at, paid_at FROM bench_orders`);
    await c.query(`INSERT INTO orders (id, number, checkout_id, museum_id, identity_id, status, customs_mode, stock_location_id, goods_minor, shipping_minor, insurance_minor,
                                       tax_minor, total_minor, fx_rate, fx_margin_bps, fx_source, fx_effective_at, orderer_name, orderer_id_masked, recipient_name,
                                       recipient_phone, province, city, district, street, postal_code, hold_expires_at, paid_at, refunded_at, created_at, updated_at)
      SELECT o.id, 'B' || o.n, o.checkout_id, (SELECT id FROM museums ORDER BY slug LIMIT 1), gen_random_uuid(),
             CASE WHEN o.n % 50 = 7 THEN 'REFUNDED'::"OrderStatus" ELSE 'DELIVERED'::"OrderStatus" END, '9610', gen_random_uuid(), 0, 0, 0, 0, 0,
             o.fx_rate, 300, 'bench', o.paid_at, 'Bench', '110***********002X', 'Bench', '13800000000', 'Shanghai', 'Shanghai', 'Huangpu', '1 Bench Rd', '200000',
             o.paid_at, o.paid_at, CASE WHEN o.n % 50 = 7 THEN o.paid_at + INTERVAL '10 days' END, o.paid_at, o.paid_at
        FROM bench_orders o`);
    await c.query(`
      CREATE TEMP TABLE bench_products AS SELECT product_id, row_number() OVER (ORDER BY product_id) - 1 AS i FROM licensed_products`);
    await c.query(`INSERT INTO order_lines (id, order_id, position, variant_id, product_id, sku, name, cross_border_category, hs_code, origin_country, weight_grams,
                                            quantity, unit_price_eur_minor, unit_price_minor, goods_minor, freight_minor, insurance_minor, dutiable_minor, tax_rate,
                                            tax_minor, total_minor, fx_rate, fx_source, fx_effective_at)
      SELECT gen_random_uuid(), o.id, l, gen_random_uuid(), p.product_id, 'LIC-' || p.i, 'Licensed item', 'APPAREL', '6214100000', 'IT', 120,
             q.quantity, 8900, q.unit, q.quantity * q.unit, 0, 0, q.quantity * q.unit, '0.091', (q.quantity * q.unit * 91) / 1000,
             q.quantity * q.unit + (q.quantity * q.unit * 91) / 1000, o.fx_rate, 'bench', o.paid_at
        FROM bench_orders o
        CROSS JOIN generate_series(0, ${LINES_PER_ORDER - 1}) l
        JOIN bench_products p ON p.i = (o.n * ${LINES_PER_ORDER} + l) % ${AGREEMENTS}
        CROSS JOIN LATERAL (SELECT 1 + (o.n + l) % 3 AS quantity, 29900 + ((o.n * 7 + l * 13) % 50000) AS unit) q
       WHERE o.n * ${LINES_PER_ORDER} + l < ${LINES}`);
    await c.query('ANALYZE');
    const { rows } = await c.query('SELECT (SELECT count(*) FROM order_lines)::int AS lines, (SELECT count(*) FROM orders)::int AS orders');
    console.log(`seeded ${rows[0].lines} order lines in ${rows[0].orders} orders in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
}

interface MonthRun {
  period: string;
  seconds: number;
  accrued: number;
  reversed: number;
  statements: number;
  rssBeforeMb: number;
  rssPeakMb: number;
}

async function main(): Promise<void> {
  const url = await freshDatabase('vitrine_bench_royalties');
  process.env['DATABASE_URL'] = url;
  await seed(url);

  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  // Statements are run in January of the next year, when every month of the year has ended.
  const clock = app.get(Clock);
  clock.now = () => new Date(`${YEAR + 1}-01-15T03:00:00Z`);
  const service = app.get(RoyaltyStatementsService);
  const mb = (n: number) => Math.round(n / 2 ** 20);
  const runs: MonthRun[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

  for (let m = 1; m <= 12; m++) {
    const period = `${YEAR}-${String(m).padStart(2, '0')}-01`;
    // A month passes between two runs, in which autovacuum tidies the ledger; done here by hand.
    if (VACUUM_BETWEEN) await withClient(url, (c) => c.query('VACUUM (ANALYZE) royalty_ledger_entries, royalty_statements'));
    const before = process.memoryUsage().rss;
    let monthPeak = before;
    const monthSampler = setInterval(() => (monthPeak = Math.max(monthPeak, process.memoryUsage().rss)), 50);
    const t = process.hrtime.bigint();
    const r = await service.runMonth(period);
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    clearInterval(monthSampler);
    monthPeak = Math.max(monthPeak, process.memoryUsage().rss);
    runs.push({ period, seconds, accrued: r.accrued, reversed: r.reversed, statements: r.created, rssBeforeMb: mb(before), rssPeakMb: mb(monthPeak) });
    console.log(`${period}: ${seconds.toFixed(2)} s (ledger ${r.ledgerMs} ms, statements ${r.statementsMs} ms), ${r.accrued} accrued, ${r.reversed} reversed, ${r.created} statements, RSS ${mb(before)} → peak ${mb(monthPeak)} MiB`);
  }
  // A replay of a month changes nothing and is cheap.
  const tReplay = process.hrtime.bigint();
  const replay = await service.runMonth(`${YEAR}-06-01`);
  const replaySeconds = Number(process.hrtime.bigint() - tReplay) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await app.close();

  const check = await withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT
        (SELECT count(*) FROM order_lines)::int AS lines,
        (SELECT count(*) FROM royalty_ledger_entries WHERE kind = 'ACCRUAL')::int AS accruals,
        (SELECT count(*) FROM royalty_ledger_entries WHERE kind = 'REVERSAL')::int AS reversals,
        (SELECT count(*) FROM royalty_ledger_entries WHERE statement_id IS NULL)::int AS unreported,
        (SELECT coalesce(sum(royalty_minor), 0) FROM royalty_ledger_entries)::bigint AS ledger_royalty,
        (SELECT coalesce(sum(royalty_minor), 0) FROM royalty_statements)::bigint AS statement_royalty,
        (SELECT count(*) FROM royalty_statements)::int AS statements`);
    return rows[0] as { lines: number; accruals: number; reversals: number; unreported: number; ledger_royalty: string; statement_royalty: string; statements: number };
  });
  const consistent = check.accruals === check.lines && check.unreported === 0 && check.ledger_royalty === check.statement_royalty && replay.created === 0 && replay.accrued === 0;
  console.log(`ledger ${check.accruals} accruals + ${check.reversals} reversals for ${check.lines} lines; ${check.statements} statements; royalty ledger ${check.ledger_royalty} = statements ${check.statement_royalty}: ${consistent ? 'consistent' : 'INCONSISTENT'}`);

  const worst = runs.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const table = [
    '| month | run (s) | lines accrued | refunds reversed | statements | RSS before (MiB) | RSS peak (MiB) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...runs.map((r) => `| ${r.period.slice(0, 7)} | ${r.seconds.toFixed(2)} | ${r.accrued} | ${r.reversed} | ${r.statements} | ${r.rssBeforeMb} | ${r.rssPeakMb} |`),
  ].join('\n');
  writePerformanceSection(
    'royalties',
    `## Monthly royalty statements (\`npm run bench:royalties\`)

${new Date().toISOString().slice(0, 10)}, ${machine()}, load average ${os.loadavg()[0]!.toFixed(1)} at the start (the machine is shared).
${check.lines.toLocaleString('en')} paid order lines (${LINES_PER_ORDER} per order, 2 % of orders refunded) over ${YEAR} across ${AGREEMENTS} agreements,
seeded with \`generate_series\` into the real tables (orders, order_lines, licence_agreements, licensed_products). Each run is
\`RoyaltyStatementsService.runMonth\`, what the worker's monthly job does: collect the month's missing bookings (paid lines, refunded
orders) into a temporary table, read it through a server-side cursor in batches of 5,000, compute each line in TypeScript
(domain/royalty.ts) and insert each batch with one \`INSERT … SELECT FROM unnest\`; then write the month's statements for all
agreements in one transaction (one \`UPDATE … RETURNING\` claims the entries). The process runs with
\`--max-old-space-size=256\`: the whole year goes through a 256 MiB JavaScript heap. Between months the bench runs
\`VACUUM (ANALYZE)\` on the ledger, as autovacuum does in the month between two real runs (\`BENCH_VACUUM=0\` skips it).
Target: under 60 s for one month, memory flat.

**Slowest month: ${worst.seconds.toFixed(2)} s (${worst.period.slice(0, 7)}); peak RSS of the process over the 12 runs: ${mb(peak)} MiB.**
A replay of June took ${replaySeconds.toFixed(2)} s and wrote nothing. Check: ${check.accruals.toLocaleString('en')} accruals and ${check.reversals.toLocaleString('en')} reversals,
${check.statements} statements, ledger royalty = statement royalty (${check.ledger_royalty} minor units): ${consistent ? 'consistent' : '**INCONSISTENT**'}.

${table}`,
  );
  if (!consistent) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
