import { createUser } from '@vitrine/shared/testing';
import { seedShop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const DAY = 86_400_000;

/**
 * The console's Drops and Live sessions lists (issue 22) are filtered and paged by the API: a
 * museum with 27 drops shows 25 and a second page, the status, mode and date filters reach
 * museumDrops' filter (the browser never gets a row it then hides), and another museum's rows
 * never appear. Screenshots in test/artifacts/console-drop-list-*.png, console-live-list-*.png.
 */
describe('console: drop and live-session lists, filtered and paged by the API', () => {
  const c = useConsole();

  it('pages 27 drops 25 at a time, filters them by status and start day on the server, and never shows another museum’s', async () => {
    const p = c.api.db.prisma;
    const a = await seedShop(p, { prices: [3_000], stock: 40 });
    const b = await seedShop(p, { prices: [3_000], stock: 40 });
    const manager = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [a.museumId] });
    const other = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [b.museumId] });
    const base = Date.UTC(2031, 2, 1, 10);
    // 27 of A's, one a day: the latest two still scheduled, one cancelled, the rest ended; editions 101..127.
    await p.drop.createMany({
      data: Array.from({ length: 27 }, (_, i) => ({
        museumId: a.museumId,
        variantId: a.variants[0]!.id,
        mode: 'QUEUE',
        status: i >= 25 ? 'SCHEDULED' : i === 10 ? 'CANCELLED' : 'ENDED',
        startsAt: new Date(base + i * DAY),
        editionSize: 101 + i,
        perIdentityLimit: 1,
        payWindowSeconds: 300,
        createdByUserId: manager.id,
      })),
    });
    // B's drops, on the same days, with editions A never has.
    await p.drop.createMany({
      data: [0, 10, 26].map((i) => ({
        museumId: b.museumId, variantId: b.variants[0]!.id, mode: 'QUEUE', status: 'SCHEDULED', startsAt: new Date(base + i * DAY), editionSize: 900 + i, perIdentityLimit: 1, payWindowSeconds: 300, createdByUserId: other.id,
      })),
    });

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    const queries: { filter: unknown; first: number; museumId: string | null }[] = [];
    page.on('request', (r) => {
      const body = r.postData();
      if (r.url().endsWith('/graphql') && body?.includes('query MuseumDrops')) queries.push(JSON.parse(body).variables);
    });
    await page.getByRole('menuitem', { name: 'Drops' }).click();
    await page.getByText('1-25 of 27').waitFor();
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(25);
    // Latest start first: editions 127 down to 103.
    await page.getByRole('cell', { name: '127', exact: true }).waitFor();
    await page.getByRole('cell', { name: '103', exact: true }).waitFor();
    expect(queries.every((q) => q.first <= 25)).toBe(true);
    await screenshot('console-drop-list-page-1');

    await page.getByRole('button', { name: 'Go to page 2' }).click();
    await page.getByText('26-27 of 27').waitFor();
    await page.getByRole('cell', { name: '101', exact: true }).waitFor();
    await expect(rows.count()).resolves.toBe(2);

    // Status: the API filters (museumDrops' filter), the list shows the two scheduled.
    await page.getByLabel('Status').click();
    await page.getByRole('option', { name: 'Scheduled' }).click();
    await page.getByText('1-2 of 2').waitFor();
    await expect(rows.count()).resolves.toBe(2);
    expect(queries.at(-1)!.filter).toMatchObject({ status: 'SCHEDULED' });
    await expect(page.getByTestId('drop-status').allTextContents()).resolves.toEqual(['Scheduled', 'Scheduled']);
    await screenshot('console-drop-list-scheduled');

    // Start days 9 to 11 (both included), any status: editions 110, 111 (cancelled), 112.
    const day = (i: number) => new Date(base + i * DAY).toISOString().slice(0, 10);
    await page.goto(`/#/drops?${new URLSearchParams({ filter: JSON.stringify({ startsFrom: day(9), startsTo: day(11) }), page: '1', perPage: '25' })}`);
    await page.getByText('1-3 of 3').waitFor();
    await page.getByRole('cell', { name: '111', exact: true }).waitFor();
    await expect(page.getByTestId('drop-status').allTextContents()).resolves.toEqual(['Ended', 'Cancelled', 'Ended']);
    // Never a row of B's, whatever the filter.
    await expect(page.getByRole('cell', { name: /^9\d\d$/ }).count()).resolves.toBe(0);
    await screenshot('console-drop-list-days');
  });

  it('filters live sessions by phase on the server', async () => {
    const p = c.api.db.prisma;
    const a = await seedShop(p, { prices: [3_000], stock: 5 });
    const b = await seedShop(p, { prices: [3_000], stock: 5 });
    const manager = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [a.museumId] });
    const now = Date.now();
    const session = (museumId: string, title: string, startsAt: number, cancelled = false) =>
      p.liveSession.create({ data: { museumId, title, streamUrl: 'https://live.example/x', startsAt: new Date(startsAt), endsAt: new Date(startsAt + 3600_000), cancelledAt: cancelled ? new Date(now) : null, createdBy: manager.id } });
    await session(a.museumId, 'Yesterday’s tour', now - DAY);
    await session(a.museumId, 'Night tour now', now - 600_000);
    await session(a.museumId, 'Tomorrow’s tour', now + DAY);
    await session(a.museumId, 'Cancelled tour', now + 2 * DAY, true);
    await session(b.museumId, 'Another museum live', now - 600_000);

    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto('/#/liveSessions');
    await page.getByText('1-4 of 4').waitFor();
    await page.getByLabel('Phase').first().click();
    await page.getByRole('option', { name: 'Live' }).click();
    await page.getByText('1-1 of 1').waitFor();
    await page.getByRole('cell', { name: 'Night tour now' }).waitFor();
    await expect(page.getByText('Another museum live').count()).resolves.toBe(0);
    await screenshot('console-live-list-live');
  });
});
