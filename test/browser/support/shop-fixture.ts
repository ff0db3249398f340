import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApi, type ApiHarness } from '../../support/api-harness';
import { startStripeLoopback, type StripeLoopback } from '../../support/stripe-loopback';
import { ARTIFACTS, launchBrowser, placeholderImage } from './browser';
import { startShop, type ShopServer } from './shop-server';

/** The phone the shop is designed for. */
export const PHONE = { width: 390, height: 844 } as const;

export interface ShopPage {
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
 * has no path: the shop redirects it to /zh-CN).
 */
export async function openShop(browser: Browser, url: string, options: { locale?: string } = {}): Promise<ShopPage> {
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
  await page.goto(url);
  return {
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
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
}

export interface ShopFixture {
  api: ApiHarness;
  shop: ShopServer;
  browser: Browser;
  stripe: StripeLoopback;
  /** openShop on this fixture's shop; `pathname` like `/zh-CN/products/<id>` (default `/`). */
  open(pathname?: string, options?: { locale?: string }): Promise<ShopPage>;
}

/**
 * The real API on a fresh database, the built shop in front of it and Chromium. With
 * `stripe`, the API's Stripe SDK points at the loopback. Each test's pages are screenshotted
 * (last-shop-<test>.png) and must end with no console error.
 */
export function useShop(options: { stripe?: boolean } = {}): ShopFixture {
  const fixture = {} as ShopFixture;
  const opened: ShopPage[] = [];
  beforeAll(async () => {
    if (options.stripe) {
      fixture.stripe = await startStripeLoopback();
      Object.assign(process.env, fixture.stripe.env);
    }
    fixture.api = await startApi();
    fixture.shop = await startShop(fixture.api.baseUrl);
    fixture.browser = await launchBrowser();
    fixture.open = async (pathname = '/', opts) => {
      const page = await openShop(fixture.browser, `${fixture.shop.url}${pathname}`, opts);
      opened.push(page);
      return page;
    };
  }, 600_000);
  afterEach(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
    await Promise.all(opened.map((p, i) => p.screenshot(`last-shop-${name}-${i}`).catch(() => undefined)));
    const errors = opened.flatMap((p) => p.errors);
    await Promise.all(opened.splice(0).map((p) => p.close()));
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.shop?.close();
    await fixture.api?.close();
    await fixture.stripe?.close();
  });
  return fixture;
}
