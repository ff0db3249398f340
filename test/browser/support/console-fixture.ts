import type { Browser } from 'playwright-core';
import { startApi, type ApiHarness } from '../../support/api-harness';
import { startStripeLoopback, type StripeLoopback } from '../../support/stripe-loopback';
import { keepLastState, launchBrowser, openConsole, type ConsolePage } from './browser';
import { serveConsole, type ConsoleServer } from './console-server';

export interface ConsoleFixture {
  api: ApiHarness;
  server: ConsoleServer;
  browser: Browser;
  /** The Stripe loopback the API talks to (with `{ stripe: true }`). */
  stripe: StripeLoopback;
  /** A fresh browser context; its console errors are checked when the test ends. */
  open(locale?: string): Promise<ConsolePage>;
}

/**
 * The real API on a fresh database, the built console in front of it, and Chromium. With
 * `stripe`, the API's Stripe SDK points at a loopback (test/support/stripe-loopback.ts), so
 * orders can be paid and refunded through the real checkout and webhook.
 */
export function useConsole(options: { stripe?: boolean } = {}): ConsoleFixture {
  jest.setTimeout(90_000);
  const fixture = {} as ConsoleFixture;
  const opened: ConsolePage[] = [];
  beforeAll(async () => {
    if (options.stripe) {
      fixture.stripe = await startStripeLoopback();
      Object.assign(process.env, fixture.stripe.env);
    }
    fixture.api = await startApi();
    fixture.server = await serveConsole(fixture.api.baseUrl);
    fixture.browser = await launchBrowser();
    fixture.open = async (locale) => {
      const page = await openConsole(fixture.browser, fixture.server.url, locale);
      opened.push(page);
      return page;
    };
  });
  afterEach(async () => {
    const errors = opened.flatMap((p) => p.errors);
    // The last state of every page, for looking at a failure.
    if (keepLastState(errors)) {
      const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await Promise.all(opened.map((p, i) => p.screenshot(`last-${name}-${i}`).catch(() => undefined)));
    }
    await Promise.all(opened.splice(0).map((p) => p.close()));
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
    await fixture.api?.close();
    await fixture.stripe?.close();
  });
  return fixture;
}
