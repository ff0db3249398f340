import { Global, Logger, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CatalogCoreModule, FxRatesService, FxRefreshJobsModule, FxRefreshService, RefreshFxRatesHandler, refreshFxRatesJob } from '@vitrine/catalog';
import { DataAccessModule } from '@vitrine/shared/data-access';
import { JobMetrics } from '@vitrine/shared/jobs';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { EcbLoopback, ecbDocument } from '../support/ecb-loopback';

describe('daily FX refresh against a loopback ECB (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ecb: EcbLoopback;
  let app: INestApplicationContext;
  let fx: FxRefreshService;
  const metrics = new JobMetrics();
  const today = new Date().toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    db = await createTestDatabase();
    ecb = await EcbLoopback.start();
    Object.assign(process.env, { FX_SOURCE_URL: ecb.url, FX_RATE_CACHE_MS: '0' });
    // As in apps/worker, where the job system provides its metrics registry globally.
    @Global()
    @Module({ providers: [{ provide: JobMetrics, useValue: metrics }], exports: [JobMetrics] })
    class Metrics {}
    @Module({ imports: [DataAccessModule, Metrics, FxRefreshJobsModule, CatalogCoreModule] })
    class FxWorker {}
    app = await NestFactory.createApplicationContext(FxWorker, { logger: false });
    fx = app.get(FxRefreshService);
  });
  afterAll(async () => {
    await app.close();
    await ecb.close();
    await db.drop();
  });

  const rates = () => db.prisma.fxRate.findMany({ where: { base: 'EUR', quote: 'CNY' }, orderBy: { createdAt: 'asc' }, select: { rate: true, source: true, effectiveAt: true } });
  const failures = async () => (await metrics.registry.getSingleMetric('vitrine_fx_refresh_failures_total')?.get())?.values.find((v) => v.labels['quote'] === 'CNY')?.value ?? 0;

  it('adds the ECB rate of the day, effective at the fixing, once, and the catalogue prices with it', async () => {
    ecb.answer = { status: 200, body: ecbDocument(daysAgo(1), { USD: '1.0465', CNY: '7.5812' }) };
    expect(await fx.refresh()).toEqual([{ quote: 'CNY', status: 'SUCCEEDED', rate: '7.5812', detail: `${daysAgo(1)} rate applied` }]);
    expect((await rates()).map((r) => [r.rate.toFixed(), r.source, r.effectiveAt.toISOString()])).toEqual([['7.5812', 'ECB', `${daysAgo(1)}T13:15:00.000Z`]]);
    expect((await app.get(FxRatesService).current('EUR', 'CNY'))?.rate).toBe('7.5812');
    // Run again (a retry, a second worker): nothing doubles.
    expect((await fx.refresh())[0].detail).toMatch(/already at/);
    expect(await rates()).toHaveLength(1);
    expect(await db.prisma.fxRefreshRun.count({ where: { status: 'SUCCEEDED' } })).toBe(1);
  });

  it('keeps the last rate and raises an alert (log, metric, run for the operator) when the refresh fails, whatever the cause', async () => {
    const cases: [{ status: number; body: string }, RegExp][] = [
      [{ status: 503, body: 'maintenance' }, /HTTP 503/],
      [{ status: 200, body: '<html>Please try again later</html>' }, /reference day/],
      [{ status: 200, body: ecbDocument(today, { USD: '1.05' }) }, /no EUR\/CNY rate/],
      [{ status: 200, body: ecbDocument(daysAgo(12), { CNY: '7.60' }) }, /days old/],
      [{ status: 200, body: ecbDocument(today, { CNY: '9.9000' }) }, /moves 30\.6 % from 7\.5812/],
    ];
    const errorLog = jest.spyOn(Logger.prototype, 'error');
    for (const [answer, reason] of cases) {
      ecb.answer = answer;
      errorLog.mockClear();
      const before = await failures();
      const [outcome] = await fx.refresh();
      expect(outcome.status).toBe('FAILED');
      expect(outcome.detail).toMatch(reason);
      expect(await failures()).toBe(before + 1);
      expect(errorLog).toHaveBeenCalledWith(expect.stringMatching(/^FX refresh of EUR\/CNY failed, the last rate stays in force: /));
      const alert = await db.prisma.fxRefreshRun.findFirstOrThrow({ where: { status: 'FAILED' }, orderBy: { startedAt: 'desc' } });
      expect(alert).toMatchObject({ acknowledgedAt: null, quote: 'CNY' });
      expect(alert.error).toMatch(reason);
    }
    errorLog.mockRestore();
    expect((await rates()).map((r) => r.rate.toFixed())).toEqual(['7.5812']);
    expect((await app.get(FxRatesService).current('EUR', 'CNY'))?.rate).toBe('7.5812');
    expect(await metrics.registry.metrics()).toMatch(/vitrine_fx_refresh_failures_total\{quote="CNY"\} 5/);
  });

  it('is a job that fails (and so retries) when the refresh failed', async () => {
    ecb.answer = { status: 500, body: 'down' };
    await expect(app.get(RefreshFxRatesHandler).handle()).rejects.toThrow(/FX refresh failed: CNY/);
    ecb.answer = { status: 200, body: ecbDocument(today, { CNY: '7.6001' }) };
    await expect(app.get(RefreshFxRatesHandler).handle()).resolves.toEqual([expect.objectContaining({ status: 'SUCCEEDED', rate: '7.6001' })]);
    expect(refreshFxRatesJob.jobId({ trigger: 'daily' })).toBe('refresh-fx-rates.daily');
  });
});
