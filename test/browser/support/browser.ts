import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '../../artifacts');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far; a test fails on any. */
  errors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

const consoleUrls = new WeakMap<Page, string>();

/** A square SVG whose colour comes from the image's path, so distinct images look distinct. */
export function placeholderImage(pathname: string): string {
  let hash = 0;
  for (const ch of pathname) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="hsl(${hash % 360},55%,55%)"/><circle cx="48" cy="40" r="18" fill="#fff" opacity=".7"/></svg>`;
}

const SESSION_FIELDS = 'accessToken refreshToken expiresIn user { id email displayName role museumIds brandId }';

/** A fresh context (own sessionStorage) with an English UI and error capture. */
export async function openConsole(browser: Browser, baseUrl: string, locale = 'en-GB'): Promise<ConsolePage> {
  const context = await browser.newContext({ baseURL: baseUrl, locale, viewport: { width: 1400, height: 900 } });
  // The factories' product images live on img.example.test: served here (a colour from the
  // path) so thumbnails render offline instead of failing to load.
  await context.route('https://img.example.test/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: placeholderImage(new URL(route.request().url()).pathname) }));
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const at = msg.location();
      errors.push(`console: ${msg.text()} (${at.url.split('/').pop()}:${at.lineNumber}:${at.columnNumber})`);
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  mkdirSync(ARTIFACTS, { recursive: true });
  consoleUrls.set(page, baseUrl);
  return {
    context,
    page,
    errors,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
}

export async function signIn(page: Page, email: string, password: string, opts: { wait?: boolean } = {}): Promise<void> {
  await page.goto('/#/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  // Signed in once the menu shows.
  if (opts.wait !== false) await page.getByRole('menuitem').first().waitFor();
}

/**
 * Signs in through the API's login mutation and opens the dashboard with that session, as
 * the console stores it: quicker than the form, which accounts.browser-spec.ts covers.
 */
export async function signInFast(page: Page, email: string, password: string): Promise<void> {
  const baseUrl = consoleUrls.get(page);
  if (!baseUrl) throw new Error('signInFast: open the page with openConsole');
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($i: LoginInput!) { login(input: $i) { ${SESSION_FIELDS} } }`, variables: { i: { email, password } } }),
  });
  const body = (await res.json()) as { data?: { login: { expiresIn: number; user: { museumIds: string[] } } & Record<string, unknown> }; errors?: unknown };
  if (!body.data) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  const { expiresIn, ...login } = body.data.login;
  const session = { ...login, expiresAt: Date.now() + expiresIn * 1000 };
  // Seeded once per page: a later logout and reload stay signed out.
  await page.addInitScript(
    ({ session, seed }) => {
      if (sessionStorage.getItem('vitrine.test-seed') === seed) return;
      sessionStorage.setItem('vitrine.test-seed', seed);
      sessionStorage.setItem('vitrine.session', JSON.stringify(session));
      const museumId = session.user.museumIds[0];
      if (museumId) sessionStorage.setItem('vitrine.museumId', museumId);
    },
    { session, seed: randomUUID() },
  );
  await page.goto('/#/');
  await page.getByRole('menuitem').first().waitFor();
}

/**
 * Whether the running test has failed so far or left console errors: the fixtures then keep the
 * last state of its pages (a full-page screenshot each, 0.1-0.85 s at load 9-14; taken for every test
 * before, docs/performance.md "npm test time"). Set by test/browser/support/environment.js.
 */
export function keepLastState(errors: string[]): boolean {
  return errors.length > 0 || (globalThis as { __vitrineTestFailed?: boolean }).__vitrineTestFailed !== false;
}
