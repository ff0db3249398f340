import { createUser } from '@vitrine/shared/testing';
import { seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const CREATE_DROP = `mutation($i: CreateDropInput!) { createDrop(input: $i) { id } }`;
const SCHEDULE = `mutation($i: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $i) { id } }`;
const CREATE_PROMO = `mutation($i: PromotionInput!) { createPromotion(input: $i) { id } }`;

const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * The console's Edit and Cancel on drops and live sessions, and Archive on promotions (issue
 * 22): a museum manager changes a scheduled drop's edition (and is told in words when it
 * exceeds the stock), cancels it with a reason; renames and cancels a scheduled live session;
 * archives a coupon, then finds it under the Archived filter, read-only. Screenshots in test/artifacts/console-edits-*.png.
 */
describe('console: edit and cancel drops and live sessions, archive promotions', () => {
  const c = useConsole();
  let shop: Shop;
  let managerToken: string;
  let manager: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    shop = await seedShop(c.api.db.prisma, { prices: [8_900, 2_500], stock: 30 });
    manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    managerToken = await c.api.login(manager.email);
  });

  const gql = async (query: string, i: Record<string, unknown>) => {
    const r: any = await c.api.gql(query, { i }, managerToken);
    expect(r.errors).toBeUndefined();
    return Object.values(r.data)[0] as { id: string };
  };

  it('edits a scheduled drop within its stock, then cancels it with a reason', async () => {
    const drop = await gql(CREATE_DROP, { variantId: shop.variants[0]!.id, mode: 'QUEUE', startsAt: new Date(Date.now() + 86_400_000).toISOString(), editionSize: 10, perIdentityLimit: 1, payWindowMinutes: 5 });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/drops/${drop.id}/show`);
    await page.getByText('10 units, at most 1 per person, 5 min to pay').waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Edition size (units)').fill('40');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The edition is larger than the units of this variant for sale.').waitFor();
    expect((await c.api.db.prisma.drop.findUniqueOrThrow({ where: { id: drop.id } })).editionSize).toBe(10);
    await page.getByLabel('Edition size (units)').fill('25');
    await page.getByLabel('Units per person (resident ID)').fill('2');
    await screenshot('console-edits-drop-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('25 units, at most 2 per person, 5 min to pay').waitFor();
    expect(await c.api.db.prisma.drop.findUniqueOrThrow({ where: { id: drop.id } })).toMatchObject({ editionSize: 25, perIdentityLimit: 2 });

    await page.getByTestId('drop-cancel').click();
    await page.getByTestId('drop-cancel-reason').fill('Postponed to the spring');
    await screenshot('console-edits-drop-cancel');
    await page.getByRole('button', { name: 'Cancel the drop' }).click();
    await page.getByText('Drop cancelled; entrants have been told.').waitFor();
    await page.getByText(/· Cancelled/).waitFor();
    expect((await c.api.db.prisma.drop.findUniqueOrThrow({ where: { id: drop.id } })).status).toBe('CANCELLED');
    // Neither Edit nor Cancel any more.
    await expect(page.getByTestId('drop-cancel').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);
  });

  it('renames a scheduled live session, then cancels it', async () => {
    const session = await gql(SCHEDULE, {
      museumId: shop.museumId,
      title: 'Night at the museum',
      streamUrl: 'https://live.example/room/9',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      productIds: [shop.variants[0]!.productId],
    });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`/#/liveSessions/${session.id}/show`);
    await page.getByTestId('live-phase').getByText('Scheduled').waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Title').fill('Night at the museum — new date');
    await page.getByLabel('Starts').fill(local(new Date(Date.now() + 2 * 86_400_000)));
    await page.getByLabel('Ends').fill(local(new Date(Date.now() + 2 * 86_400_000 + 3_600_000)));
    await screenshot('console-edits-live-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('live-cancel').waitFor();
    const saved = await c.api.db.prisma.liveSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(saved.title).toBe('Night at the museum — new date');
    expect(saved.startsAt.getTime()).toBeGreaterThan(Date.now() + 86_400_000);

    await page.getByTestId('live-cancel').click();
    await page.getByRole('button', { name: 'Cancel the session' }).click();
    await page.getByText('Session cancelled.').waitFor();
    await page.getByTestId('live-phase').getByText('Cancelled').waitFor();
    await screenshot('console-edits-live-cancelled');
    expect((await c.api.db.prisma.liveSession.findUniqueOrThrow({ where: { id: session.id } })).cancelledAt).not.toBeNull();
    await expect(page.getByTestId('live-cancel').count()).resolves.toBe(0);
  });

  it('archives a coupon from its page: it leaves the list', async () => {
    const promo = await gql(CREATE_PROMO, {
      museumId: shop.museumId,
      kind: 'COUPON',
      name: 'Spring 15',
      code: 'SPRING15',
      discountType: 'AMOUNT',
      amountOffMinor: 1_500,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.getByRole('menuitem', { name: 'Promotions' }).click();
    await page.getByText('SPRING15').click();
    await page.getByTestId('promotion-archive').click();
    await page.getByText('Archive “Spring 15”?').waitFor();
    await screenshot('console-edits-promotion-archive');
    await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
    await page.getByText('Promotion archived: new carts no longer get it.').waitFor();
    await page.getByText('SPRING15').waitFor({ state: 'detached' });
    await screenshot('console-edits-promotion-archived-list');
    expect((await c.api.db.prisma.promotion.findUniqueOrThrow({ where: { id: promo.id } })).archivedAt).not.toBeNull();

    // The "Archived" filter lists it (the API's archivedOnly); it opens read-only, with no Save, even at its edit address.
    await page.getByLabel('Archived').check();
    await page.getByText('SPRING15').click();
    await page.waitForURL(new RegExp(`#/promotions/${promo.id}/show`));
    await page.getByTestId('promotion-archived-note').waitFor();
    await page.getByText('Spring 15', { exact: true }).waitFor();
    await page.getByText('Archived', { exact: true }).last().waitFor();
    await expect(page.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);
    await screenshot('console-edits-promotion-archived-show');
    await page.goto(`/#/promotions/${promo.id}`);
    await page.getByTestId('promotion-archived-note').waitFor();
    await expect(page.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('promotion-archive').count()).resolves.toBe(0);
  });
});
