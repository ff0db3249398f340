import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { startApi, type ApiHarness } from '../../support/api-harness';
import { CarrierLoopback } from '../../support/carrier-loopback';
import { seedFx, seedShop, type Shop } from '../../support/checkout-fixtures';
import { CustomsLoopback } from '../../support/customs-loopback';
import { signingKeys } from '../../support/pipeline-fixtures';
import type { SpawnedProcess } from '../../support/spawn-api';
import { startStripeLoopback, type StripeLoopback } from '../../support/stripe-loopback';
import { dropQueues, startWorker, waitForOutput } from '../../support/worker-process';
import { ARTIFACTS, keepLastState, launchBrowser, placeholderImage } from './browser';
import { startShop, type ShopServer } from './shop-server';

/** The phone the shop is designed for. */
export const PHONE = { width: 390, height: 844 } as const;

export interface ShopPage {
  /** The shop's origin (http://127.0.0.1:<port>), for page.goto(`${s.origin}/zh-CN/...`). */
  origin: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far; useShop fails a test on any. */
  errors: string[];
  /** Full-page PNG in test/artifacts/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Image hosts of the seed and the factories: served locally (a colour from the path), since tests run offline. */
const IMAGE_HOSTS = ['https://img.example.test/**', 'https://picsum.photos/**'];

/**
 * A fresh phone-sized context (390x844, touch, zh-CN) on the shop at `url` (`/` when the URL
 * has no path: the shop redirects it to /zh-CN). With `blank`, the page stays on about:blank
 * (`origin` is still `url`'s), for a test whose first step navigates by itself.
 */
export async function openShop(browser: Browser, url: string, options: { locale?: string; blank?: boolean } = {}): Promise<ShopPage> {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  for (const host of IMAGE_HOSTS) {
    await context.route(host, (route) => route.fulfill({ contentType: 'image/svg+xml', body: placeholderImage(new URL(route.request().url()).pathname) }));
  }
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!options.blank) await page.goto(url);
  return {
    origin: new URL(url).origin,
    context,
    page,
    errors,
    screenshot: async (name) => {
      // Lazy images load as the shopper scrolls: scroll through once so the picture shows them.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 50));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState('load').catch(() => undefined);
      // One image pixel a CSS pixel (the page is laid out at 390 px): a device-scale picture has
      // four times the pixels and took 300-740 ms of Chromium's PNG encoding a page (issue 23).
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true, scale: 'css' });
    },
    close: () => context.close(),
  };
}

export interface ShopFixture {
  api: ApiHarness;
  shop: ShopServer;
  browser: Browser;
  /** The Stripe loopback (with `stripe`): the sandbox's wallet and 3-D Secure pages send their signed webhooks to `api`. */
  stripe: StripeLoopback;
  /** The museums `shops` asked for, seeded in that order once the API is up. */
  shops: Shop[];
  /** With `worker`: this spec's own queue prefix (QUEUE_PREFIX of the API and its workers), dropped at the end. */
  queuePrefix: string;
  /** With `pipeline`: the customs and carrier sandboxes the workers talk to. */
  customs: CustomsLoopback;
  carrier: CarrierLoopback;
  /**
   * openShop on this fixture's shop; `pathname` like `/zh-CN/products/<id>` (default `/`). `null`:
   * a blank page, for a test whose first step goes somewhere by itself (signIn, addToCart, a goto
   * whose answer it reads), where opening the home page first only to leave it cost a page load.
   */
  open(pathname?: string | null, options?: { locale?: string }): Promise<ShopPage>;
  /**
   * apps/worker on this spec's database and queue prefix (with `pipeline`, its customs, carrier and
   * signing keys), ready; stopped at the end unless stopped before. `env` adds to its environment.
   */
  startWorker(env?: Record<string, string>): Promise<SpawnedProcess>;
}

export interface ShopOptions {
  /** The API's Stripe SDK on the loopback, the shop's payment sandbox. */
  stripe?: boolean;
  /** The FX rate (EUR→CNY) seeded before the museums; specs that sell use '7.8000'. */
  fx?: string;
  /** Museums with open storefronts, products and stock (seedShop), as `shops[i]`. */
  shops?: Parameters<typeof seedShop>[1][];
  /** A private queue prefix for the API and the workers this spec starts (startWorker). */
  worker?: boolean;
  /** `worker`, and the customs and carrier sandboxes the order pipeline needs. */
  pipeline?: boolean;
}

/**
 * The real API on a fresh database, the built shop in front of it and Chromium; with the options,
 * the payment, customs and carrier sandboxes, the FX rate and museums seeded, and workers on the
 * spec's own queues. A failed test's pages are screenshotted (last-shop-<test>.png); each must end with
 * no console error.
 */
export function useShop(options: ShopOptions = {}): ShopFixture {
  const fixture = { shops: [] as Shop[] } as unknown as ShopFixture;
  const opened: ShopPage[] = [];
  const workers: SpawnedProcess[] = [];
  const keys = options.pipeline ? signingKeys() : null;
  beforeAll(async () => {
    if (options.worker || options.pipeline) {
      fixture.queuePrefix = `test-shop-${randomBytes(4).toString('hex')}`;
      process.env['QUEUE_PREFIX'] = fixture.queuePrefix;
    }
    if (options.stripe) {
      fixture.stripe = await startStripeLoopback();
      Object.assign(process.env, fixture.stripe.env);
    }
    if (keys) {
      fixture.customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
      fixture.carrier = await CarrierLoopback.start();
    }
    fixture.api = await startApi();
    if (fixture.stripe) fixture.stripe.webhookUrl = `${fixture.api.baseUrl}/webhooks/stripe`;
    fixture.shop = await startShop(fixture.api.baseUrl);
    fixture.browser = await launchBrowser();
    fixture.open = async (pathname = '/', opts) => {
      const page = await openShop(fixture.browser, `${fixture.shop.url}${pathname ?? ''}`, { ...opts, blank: pathname === null });
      opened.push(page);
      return page;
    };
    fixture.startWorker = async (env = {}) => {
      const worker = startWorker({
        DATABASE_URL: fixture.api.db.url,
        ...(fixture.queuePrefix ? { QUEUE_PREFIX: fixture.queuePrefix } : {}),
        ...(keys ? { ...fixture.customs.env, ...fixture.carrier.env, ...keys.env } : {}),
        ...env,
      });
      workers.push(worker);
      await waitForOutput(worker, /worker ready/);
      return worker;
    };
    if (options.fx) await seedFx(fixture.api.db.prisma, options.fx);
    for (const shop of options.shops ?? []) fixture.shops.push(await seedShop(fixture.api.db.prisma, shop));
  }, 600_000);
  afterEach(async () => {
    const errors = opened.flatMap((p) => p.errors);
    if (keepLastState(errors)) {
      const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await Promise.all(opened.map((p, i) => p.screenshot(`last-shop-${name}-${i}`).catch(() => undefined)));
    }
    await Promise.all(opened.splice(0).map((p) => p.close()));
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => (w.child.exitCode === null ? w.stop('SIGTERM') : undefined)));
    await fixture.browser?.close();
    await fixture.shop?.close();
    await fixture.api?.close();
    await fixture.stripe?.close();
    await fixture.customs?.close();
    await fixture.carrier?.close();
    if (fixture.queuePrefix) {
      await dropQueues(fixture.queuePrefix);
      delete process.env['QUEUE_PREFIX'];
    }
  });
  return fixture;
}
