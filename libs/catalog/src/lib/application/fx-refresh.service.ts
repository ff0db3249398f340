import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { ShopWindowAnnouncer } from '@vitrine/shared/data-access';
import { JobMetrics } from '@vitrine/shared/jobs';
import { FxSourceError, parseEcbDaily, relativeChange } from '../domain/fx-source';
import { FxRefreshRepository } from '../infrastructure/fx-refresh.repository';

/** FX refresh settings (FX_SOURCE_URL, FX_REFRESH_QUOTES, FX_MAX_DAILY_CHANGE, FX_MAX_AGE_DAYS, FX_SOURCE_TIMEOUT_MS). */
export interface FxRefreshConfig {
  sourceUrl: string;
  sourceName: string;
  base: string;
  quotes: string[];
  /** A move larger than this fraction since the last rate is held for a human (a bad feed must not reprice the shop). */
  maxChange: number;
  /** A reference day older than this is stale: the source stopped publishing. */
  maxAgeDays: number;
  timeoutMs: number;
  /** When the daily refresh runs (FX_REFRESH_CRON, UTC; ECB publishes around 16:00 CET). */
  cron: string;
}

export function fxRefreshConfigFromEnv(env: NodeJS.ProcessEnv = process.env): FxRefreshConfig {
  return {
    sourceUrl: env['FX_SOURCE_URL'] ?? 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml',
    sourceName: env['FX_SOURCE_NAME'] ?? 'ECB',
    base: 'EUR',
    quotes: (env['FX_REFRESH_QUOTES'] ?? 'CNY').split(',').map((q) => q.trim().toUpperCase()).filter(Boolean),
    maxChange: Number(env['FX_MAX_DAILY_CHANGE'] ?? 0.1),
    maxAgeDays: Number(env['FX_MAX_AGE_DAYS'] ?? 5),
    timeoutMs: Number(env['FX_SOURCE_TIMEOUT_MS'] ?? 15_000),
    cron: env['FX_REFRESH_CRON'] ?? '30 15 * * *',
  };
}

export const FX_REFRESH_CONFIG = Symbol('FX_REFRESH_CONFIG');

export interface FxRefreshOutcome {
  quote: string;
  status: 'SUCCEEDED' | 'FAILED';
  rate: string | null;
  detail: string;
}

/**
 * The daily FX refresh. Reads the configured source (ECB daily XML by default), checks each
 * rate (a readable positive decimal, a recent reference day, a move since the last rate
 * within FX_MAX_DAILY_CHANGE) and adds it to fx_rates, effective at the reference day. A
 * refresh that fails for any reason changes no rate, so the last one stays in force, and
 * raises an alert: an error log line, the vitrine_fx_refresh_failures_total metric, and a
 * FAILED run the operator sees until acknowledged. The job then retries.
 */
@Injectable()
export class FxRefreshService {
  private readonly logger = new Logger(FxRefreshService.name);
  private readonly failures?: Counter<'quote'>;
  private readonly lastSuccess?: Gauge<'quote'>;

  constructor(
    private readonly repo: FxRefreshRepository,
    @Inject(FX_REFRESH_CONFIG) private readonly config: FxRefreshConfig,
    @Optional() metrics?: JobMetrics,
    @Optional() private readonly shopWindow?: ShopWindowAnnouncer,
  ) {
    if (metrics) {
      this.failures = new Counter({ name: 'vitrine_fx_refresh_failures_total', help: 'FX refreshes that failed (the last rate stayed in force)', labelNames: ['quote'], registers: [metrics.registry] });
      this.lastSuccess = new Gauge({ name: 'vitrine_fx_refresh_last_success_seconds', help: 'Unix time of the last successful FX refresh', labelNames: ['quote'], registers: [metrics.registry] });
    }
  }

  async refresh(now = new Date()): Promise<FxRefreshOutcome[]> {
    const startedAt = new Date();
    let document: ReturnType<typeof parseEcbDaily>;
    try {
      document = parseEcbDaily(await this.fetch());
    } catch (error) {
      return Promise.all(this.config.quotes.map((quote) => this.fail(quote, startedAt, null, (error as Error).message)));
    }
    const outcomes: FxRefreshOutcome[] = [];
    for (const quote of this.config.quotes) outcomes.push(await this.apply(quote, document, startedAt, now));
    return outcomes;
  }

  private async apply(quote: string, document: ReturnType<typeof parseEcbDaily>, startedAt: Date, now: Date): Promise<FxRefreshOutcome> {
    const rate = document.rates.get(quote);
    if (!rate) return this.fail(quote, startedAt, document.date, `the source has no ${this.config.base}/${quote} rate`);
    const age = (now.getTime() - Date.parse(`${document.date}T00:00:00Z`)) / 86_400_000;
    if (age > this.config.maxAgeDays) return this.fail(quote, startedAt, document.date, `the source's reference day ${document.date} is ${Math.floor(age)} days old`);
    // The ECB fixes its reference rates at 14:15 CET; the rate is in force from that day.
    const effectiveAt = new Date(`${document.date}T13:15:00Z`);
    type Step = { kind: 'kept' } | { kind: 'applied' } | { kind: 'refused'; why: string };
    const result = await this.repo.transaction(async (tx): Promise<Step> => {
      const last = await this.repo.latest(tx, this.config.base, quote);
      if (last && last.source === this.config.sourceName && last.effectiveAt.getTime() >= effectiveAt.getTime()) return { kind: 'kept' };
      if (last && relativeChange(last.rate, rate) > this.config.maxChange) {
        const move = (relativeChange(last.rate, rate) * 100).toFixed(1);
        return { kind: 'refused', why: `${this.config.base}/${quote} ${rate} moves ${move} % from ${last.rate}: above the ${this.config.maxChange * 100} % a refresh may apply alone` };
      }
      await this.repo.insertRate(tx, { base: this.config.base, quote, rate, source: this.config.sourceName, effectiveAt });
      await this.repo.recordRun({ source: this.config.sourceUrl, status: 'SUCCEEDED', base: this.config.base, quote, rate, referenceDate: document.date, error: null, startedAt }, tx);
      return { kind: 'applied' };
    });
    if (result.kind === 'refused') return this.fail(quote, startedAt, document.date, result.why, rate);
    this.lastSuccess?.set({ quote }, Date.now() / 1000);
    if (result.kind === 'kept') return { quote, status: 'SUCCEEDED', rate, detail: `already at the ${document.date} rate` };
    this.logger.log(`${this.config.base}/${quote} = ${rate} (${this.config.sourceName}, ${document.date})`);
    // Shoppers' CNY prices changed: the API processes clear their shop-window caches now.
    await this.shopWindow?.announce('fx-refresh');
    return { quote, status: 'SUCCEEDED', rate, detail: `${document.date} rate applied` };
  }

  private async fail(quote: string, startedAt: Date, referenceDate: string | null, error: string, rate: string | null = null): Promise<FxRefreshOutcome> {
    this.logger.error(`FX refresh of ${this.config.base}/${quote} failed, the last rate stays in force: ${error}`);
    this.failures?.inc({ quote });
    await this.repo.recordRun({ source: this.config.sourceUrl, status: 'FAILED', base: this.config.base, quote, rate, referenceDate, error: error.slice(0, 1000), startedAt });
    return { quote, status: 'FAILED', rate, detail: error };
  }

  private async fetch(): Promise<string> {
    let res: Response;
    try {
      res = await fetch(this.config.sourceUrl, { signal: AbortSignal.timeout(this.config.timeoutMs), headers: { accept: 'application/xml, text/xml' } });
    } catch (error) {
      throw new FxSourceError(`${this.config.sourceUrl} did not answer: ${(error as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) throw new FxSourceError(`${this.config.sourceUrl} answered HTTP ${res.status}`);
    return text;
  }
}
