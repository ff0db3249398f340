import type { Browser } from 'playwright-core';
import { startApi, type ApiHarness } from '../../support/api-harness';
import { launchBrowser, openConsole, type ConsolePage } from './browser';
import { serveConsole, type ConsoleServer } from './console-server';

export interface ConsoleFixture {
  api: ApiHarness;
  server: ConsoleServer;
  browser: Browser;
  /** A fresh browser context; its console errors are checked when the test ends. */
  open(locale?: string): Promise<ConsolePage>;
}

/** The real API on a fresh database, the built console in front of it, and Chromium. */
export function useConsole(): ConsoleFixture {
  jest.setTimeout(90_000);
  const fixture = {} as ConsoleFixture;
  const opened: ConsolePage[] = [];
  beforeAll(async () => {
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
    // The last state of every page, for looking at a failure.
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
    await Promise.all(opened.map((p, i) => p.screenshot(`last-${name}-${i}`).catch(() => undefined)));
    const errors = opened.flatMap((p) => p.errors);
    await Promise.all(opened.splice(0).map((p) => p.close()));
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
    await fixture.api?.close();
  });
  return fixture;
}
