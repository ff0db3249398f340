import { createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import { ARTIFACTS, signIn, signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

describe('console: sign-in, roles and sessions', () => {
  const c = useConsole();

  it('refuses shoppers with a sentence and keeps them out', async () => {
    const shopper = await createUser(c.api.db.prisma, 'SHOPPER');
    const { page, screenshot } = await c.open();
    await signIn(page, shopper.email, shopper.password, { wait: false });
    await page.getByTestId('login-error').getByText(/shopper account/i).waitFor();
    await screenshot('login-shopper-refused');
    expect(await page.evaluate(() => sessionStorage.getItem('vitrine.session'))).toBeNull();
    // The session the API opened was ended again.
    expect(await c.api.db.prisma.refreshToken.count({ where: { userId: shopper.id, revokedAt: null } })).toBe(0);
  });

  it('shows a wrong password in words', async () => {
    const admin = await createUser(c.api.db.prisma, 'PLATFORM_ADMIN');
    const { page } = await c.open();
    await signIn(page, admin.email, 'not-the-password', { wait: false });
    await page.getByTestId('login-error').getByText('Wrong email or password.').waitFor();
    // The form stays usable for another try.
    expect(await page.getByRole('button', { name: /sign in/i }).isEnabled()).toBe(true);
    expect(await page.locator('input[name="email"]').inputValue()).toBe(admin.email);
  });

  it('gives a brand partner only their licensing screens', async () => {
    const brand = await createBrand(c.api.db.prisma);
    const partner = await createUser(c.api.db.prisma, 'BRAND_PARTNER', { brandId: brand.id });
    const { page, screenshot } = await c.open();
    await signIn(page, partner.email, partner.password);
    await page.getByTestId('panel-proposals').waitFor();
    const menu = await page.getByRole('menuitem').allInnerTexts();
    // Balances & payouts: the brand's own settlement page (its Connect account, balance and payouts).
    expect(menu).toEqual(['Dashboard', 'Proposals', 'Our stock', 'Orders to ship', 'Returns', 'Agreements', 'Royalty statements', 'Balances & payouts']);
    await page.getByRole('menuitem', { name: 'Proposals' }).click();
    await page.getByRole('link', { name: 'New proposal' }).waitFor();
    await page.goto('/#/users');
    await page.getByTestId('not-found').waitFor();
    await screenshot('partner-proposals');
  });

  it('switches the interface to French', async () => {
    const admin = await createUser(c.api.db.prisma, 'PLATFORM_ADMIN');
    const { page, screenshot } = await c.open();
    await signIn(page, admin.email, admin.password);
    await page.getByRole('menuitem', { name: 'Users' }).waitFor();
    await page.locator('button[aria-controls="simple-menu"]').click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('menuitem', { name: 'Utilisateurs' }).waitFor();
    await page.getByRole('menuitem', { name: 'Utilisateurs' }).click();
    await page.getByText('Responsable de musée').or(page.getByText('Opérateur de la plateforme')).first().waitFor();
    await screenshot('operator-users-fr');
  });

  it('lets concurrent requests share one refresh when the access token has expired', async () => {
    const museum = await createMuseum(c.api.db.prisma);
    const admin = await createUser(c.api.db.prisma, 'PLATFORM_ADMIN');
    await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museum.id] });
    const { page } = await c.open();
    await signIn(page, admin.email, admin.password);
    await page.getByRole('menuitem', { name: 'Users' }).waitFor();
    const refreshes: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.postData()?.includes('refreshSession')) refreshes.push(r.url());
    });
    // Age the access token: every request now needs a refresh first.
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('vitrine.session')!);
      s.expiresAt = Date.now() - 1000;
      sessionStorage.setItem('vitrine.session', JSON.stringify(s));
    });
    // The users list fires users, museums and brands queries at once.
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.getByText(museum.slug).first().waitFor();
    expect(refreshes).toHaveLength(1);
    // The rotated session still works: the family was not revoked by a replay.
    await page.reload();
    await page.getByText(museum.slug).first().waitFor();
    expect(await c.api.db.prisma.refreshToken.count({ where: { userId: admin.id, revokedAt: null } })).toBe(1);
  });

  it('ends the session on logout', async () => {
    const admin = await createUser(c.api.db.prisma, 'PLATFORM_ADMIN');
    const { page } = await c.open();
    await signIn(page, admin.email, admin.password);
    await page.getByRole('menuitem', { name: 'Users' }).waitFor();
    const refreshToken = await page.evaluate(() => JSON.parse(sessionStorage.getItem('vitrine.session')!).refreshToken as string);
    await page.getByRole('button', { name: /profile/i }).click();
    await page.getByRole('menuitem', { name: /logout/i }).click();
    await page.locator('input[name="email"]').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('vitrine.session'))).toBeNull();
    const replay = await c.api.gql('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: refreshToken });
    expect(replay.errors?.[0]?.extensions?.['code']).toBe('INVALID_REFRESH_TOKEN');
    await page.goto('/#/users');
    await page.locator('input[name="email"]').waitFor();
  });

  it('gives an operator the queue board and the FX refresh alerts', async () => {
    const admin = await createUser(c.api.db.prisma, 'PLATFORM_ADMIN');
    const failed = await c.api.db.prisma.fxRefreshRun.create({
      data: { source: 'ecb', status: 'FAILED', base: 'EUR', quote: 'CNY', error: 'ECB answered HTTP 503', startedAt: new Date() },
    });
    const { page, context, screenshot } = await c.open();
    await signInFast(page, admin.email, admin.password);
    await page.getByRole('menuitem', { name: 'Queues' }).click();
    const fx = page.getByTestId('fx-refresh');
    await fx.getByText('1 failed refresh to acknowledge').waitFor();
    await fx.getByText('ECB answered HTTP 503').waitFor();
    await screenshot('operator-queues');

    // The board opens in a new tab through a one-minute link, then its own session cookie.
    const [board] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-queue-board').click()]);
    await board.waitForURL(/\/admin\/queues\/?(#.*|\?.*)?$/);
    await board.getByText('dead-letter').first().waitFor();
    await board.waitForLoadState('networkidle');
    await board.screenshot({ path: `${ARTIFACTS}/operator-queue-board.png` });
    await board.close();
    expect(await c.api.gql('{ fxRefreshRuns { totalCount } }')).toMatchObject({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] });

    await fx.getByRole('button', { name: 'Acknowledge' }).click();
    await fx.getByText('1 failed refresh to acknowledge').waitFor({ state: 'detached' });
    expect((await c.api.db.prisma.fxRefreshRun.findUniqueOrThrow({ where: { id: failed.id } })).acknowledgedAt).not.toBeNull();
  });
});
