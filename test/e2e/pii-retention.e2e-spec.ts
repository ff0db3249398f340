import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

jest.setTimeout(180_000);

const NAME = '王芳';
const DAY = 86_400_000;
const QUOTA = `query($i: AnnualQuotaInput!) { remainingAnnualQuota(input: $i) { used { amount } counted residentIdMasked } }`;
const IDENTITIES = `query { ordererIdentities { id residentIdMasked numberStored lastOrderedAt deletionRequestedAt } }`;
const DELETE_IDENTITY = `mutation($id: ID!) { deleteOrdererIdentity(id: $id) { id identityId requestedAt completedAt } }`;
const DELETE_ACCOUNT = `mutation { requestAccountDeletion { id requestedAt completedAt } }`;
const SAVE_ADDRESS = `mutation($i: SaveAddressInput!) { saveAddress(input: $i) { id } }`;
const masked = (id: string) => `${id.slice(0, 3)}***********${id.slice(-4)}`;

/**
 * Resident ID ciphertexts are kept only while customs may need them (docs/adr/0011): the real
 * worker's retention job destroys those whose orders were released more than
 * PII_RETENTION_DAYS_AFTER_RELEASE (90) days ago, keeps the rest, and runs twice without harm;
 * the hash (yearly quota) and the masked form stay. Shoppers delete their identities and their
 * account over GraphQL, only their own, at once or once customs released the order.
 */
describe('PII retention and deletion', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let shop: Shop;
  const prefix = `test-pii-retention-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    ({ api, close } = await startCheckoutApi());
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [4_000], stock: 1_000 });
  });
  afterAll(async () => {
    await dropQueues(prefix);
    await close();
  });

  const shopper = async () => {
    const user = await createUser(api.db.prisma, 'SHOPPER');
    return { user, token: await api.login(user.email) };
  };
  async function place(token: string, key: string, id: string) {
    const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } }, token);
    expect(r.errors).toBeUndefined();
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(r.data.addCartLine.cart.id, key, { id, name: NAME }) }, token);
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    const row = await api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { identityId: true, goodsMinor: true } });
    return { orderId: order.id as string, identityId: row.identityId, goodsMinor: row.goodsMinor };
  }
  /** The order as the pipeline leaves it: paid (just now, so the yearly quota counts it whatever the date), released by customs `daysAgo`, delivered. */
  async function released(orderId: string, daysAgo: number) {
    const at = new Date(Date.now() - daysAgo * DAY);
    await api.db.prisma.order.update({ where: { id: orderId }, data: { status: 'DELIVERED', paidAt: new Date(), updatedAt: at } });
    await api.db.prisma.orderStatusChange.createMany({
      data: [
        { orderId, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'test: released', createdAt: at },
        { orderId, fromStatus: 'SHIPPED', toStatus: 'DELIVERED', reason: 'test: delivered', createdAt: at },
      ],
    });
  }
  const identity = (id: string) => api.db.prisma.customsIdentity.findUniqueOrThrow({ where: { id } });
  /** Identities unused for long, as they are when their orders are old. */
  const unusedSince = (ids: string[], daysAgo: number) =>
    api.db.prisma.customsIdentity.updateMany({ where: { id: { in: ids } }, data: { lastUsedAt: new Date(Date.now() - daysAgo * DAY) } });

  it('destroys ciphertexts released over 90 days ago, keeps recent and live ones, twice without harm; quota and masked form stay; deletion by GraphQL, own only', async () => {
    const a = await shopper();
    const b = await shopper();
    const [idOld, idRecent, idLive, idShared] = [residentId(8101), residentId(8102), residentId(8103), residentId(8104)];
    const old = await place(a.token, 'pii-ret-order-1', idOld);
    await released(old.orderId, 100);
    const recent = await place(a.token, 'pii-ret-order-2', idRecent);
    await released(recent.orderId, 10);
    const live = await place(b.token, 'pii-ret-order-3', idLive);
    await api.db.prisma.order.update({ where: { id: live.orderId }, data: { status: 'CUSTOMS_SUBMITTED', paidAt: new Date(Date.now() - 200 * DAY) } });
    // One identity, two orders: one released long ago, one 60 days ago: kept for the later one.
    const sharedOld = await place(a.token, 'pii-ret-order-4', idShared);
    await released(sharedOld.orderId, 200);
    const sharedLater = await place(b.token, 'pii-ret-order-5', idShared);
    await released(sharedLater.orderId, 60);
    await unusedSince([old.identityId, recent.identityId, live.identityId, sharedOld.identityId], 120);
    const before = await identity(old.identityId);
    // The yearly quota as counted while the number is still stored.
    const quotaBefore = (await api.gql(QUOTA, { i: { residentId: idOld, name: NAME } }, a.token)).data.remainingAnnualQuota;
    expect(quotaBefore).toMatchObject({ counted: true, residentIdMasked: masked(idOld) });
    expect(quotaBefore.used.amount).toBeGreaterThanOrEqual(old.goodsMinor);

    const worker = startWorker({ DATABASE_URL: api.db.url, QUEUE_PREFIX: prefix, PII_RETENTION_EVERY_MS: '300', ...stripeFreeEnv() });
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the old ciphertext destroyed', async () => (await identity(old.identityId)).idCiphertext === null, 30_000, worker);
      const purged = await identity(old.identityId);
      // Several more runs (every 300 ms): nothing else moves, the purge is not redone.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await identity(old.identityId)).toEqual(purged);
      expect(purged).toMatchObject({ idHash: before.idHash, idMasked: masked(idOld), idCiphertext: null });
      expect(purged.purgedAt).not.toBeNull();
      for (const kept of [recent, live, sharedOld]) expect((await identity(kept.identityId)).idCiphertext).toMatch(/^v1\./);
      const queue = new Queue('pii-retention', { connection: { host: '127.0.0.1', port: 6379 }, prefix });
      expect((await queue.getJobSchedulers()).filter((s) => s.key === 'purge-pii')).toHaveLength(1);
      expect(await queue.getCompletedCount()).toBeGreaterThanOrEqual(2);
      await queue.close();

      // The yearly quota still counts the order of the purged identity (the hash is kept), and the masked form still shows.
      const quota = await api.gql(QUOTA, { i: { residentId: idOld, name: NAME } }, a.token);
      expect(quota.data.remainingAnnualQuota).toEqual(quotaBefore);
      const mine = await api.gql(IDENTITIES, {}, a.token);
      expect(mine.errors).toBeUndefined();
      expect(mine.data.ordererIdentities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: old.identityId, residentIdMasked: masked(idOld), numberStored: false }),
          expect.objectContaining({ id: recent.identityId, residentIdMasked: masked(idRecent), numberStored: true, deletionRequestedAt: null }),
        ]),
      );
      const order = await api.gql(`query($id: ID!) { order(id: $id) { orderer { residentIdMasked } } }`, { id: old.orderId }, a.token);
      expect(order.data.order.orderer.residentIdMasked).toBe(masked(idOld));

      // The purged identity ordered with again: sealed again for customs, the same identity and quota.
      const again = await place(a.token, 'pii-ret-order-6', idOld);
      expect(again.identityId).toBe(old.identityId);
      expect(await identity(old.identityId)).toMatchObject({ idHash: before.idHash, purgedAt: null, idCiphertext: expect.stringMatching(/^v1\./) });
      const quota2 = await api.gql(QUOTA, { i: { residentId: idOld, name: NAME } }, a.token);
      // The same one-unit cart again: twice the value counted.
      expect(quota2.data.remainingAnnualQuota.used.amount).toBe(2 * quotaBefore.used.amount);

      // Deletion requests. Someone else's identity (or a made-up id): NOT_FOUND, nothing written.
      for (const id of [recent.identityId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const r = await api.gql(DELETE_IDENTITY, { id }, b.token);
        expect(codeOf(r)).toBe('NOT_FOUND');
      }
      expect(await api.db.prisma.piiDeletionRequest.count()).toBe(0);
      expect((await identity(recent.identityId)).idCiphertext).not.toBeNull();
      // Not needed by a live order: done at once.
      const now = await api.gql(DELETE_IDENTITY, { id: recent.identityId }, a.token);
      expect(now.errors).toBeUndefined();
      expect(now.data.deleteOrdererIdentity).toMatchObject({ identityId: recent.identityId, completedAt: expect.any(String) });
      expect(await identity(recent.identityId)).toMatchObject({ idCiphertext: null, idMasked: masked(idRecent) });
      // Needed by an order customs has not released yet: recorded, kept, done by the job after release.
      const deferred = await api.gql(DELETE_IDENTITY, { id: live.identityId }, b.token);
      expect(deferred.data.deleteOrdererIdentity).toMatchObject({ identityId: live.identityId, completedAt: null });
      const again2 = await api.gql(DELETE_IDENTITY, { id: live.identityId }, b.token);
      expect(again2.data.deleteOrdererIdentity.id).toBe(deferred.data.deleteOrdererIdentity.id);
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await identity(live.identityId)).idCiphertext).toMatch(/^v1\./);
      expect((await api.gql(IDENTITIES, {}, b.token)).data.ordererIdentities).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: live.identityId, numberStored: true, deletionRequestedAt: expect.any(String) })]),
      );
      await released(live.orderId, 0);
      await until('the deferred request done', async () => (await api.db.prisma.piiDeletionRequest.findUniqueOrThrow({ where: { id: deferred.data.deleteOrdererIdentity.id } })).completedAt !== null, 15_000, worker);
      expect((await identity(live.identityId)).idCiphertext).toBeNull();

      // Account deletion: anonymised at once, sessions gone; identities purged once no live order needs them; orders stay, masked.
      const email = a.user.email;
      // Saved delivery addresses (issue 17): A's go with the account, B's stay.
      const address = { name: NAME, phone: '13800138000', province: '北京市', city: '市辖区', district: '朝阳区', street: '建国路 88 号' };
      for (const who of [a, b]) expect((await api.gql(SAVE_ADDRESS, { i: address }, who.token)).errors).toBeUndefined();
      const del = await api.gql(DELETE_ACCOUNT, {}, a.token);
      expect(del.errors).toBeUndefined();
      expect(del.data.requestAccountDeletion.completedAt).toBeNull();
      const user = await api.db.prisma.user.findUniqueOrThrow({ where: { id: a.user.id } });
      expect(user.email).not.toBe(email);
      expect(user.displayName).toBe('Deleted account');
      expect(user.disabledAt).not.toBeNull();
      expect(await api.db.prisma.refreshToken.count({ where: { userId: a.user.id } })).toBe(0);
      const login = await api.gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: a.user.password } });
      expect(codeOf(login)).toBe('INVALID_CREDENTIALS');
      // The re-sealed identity's new order is unpaid (live): the request waits for it.
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await identity(old.identityId)).idCiphertext).not.toBeNull();
      await api.db.prisma.order.update({ where: { id: again.orderId }, data: { status: 'CANCELLED', cancelledAt: new Date() } });
      await until('the account request done', async () => (await api.db.prisma.piiDeletionRequest.findUniqueOrThrow({ where: { id: del.data.requestAccountDeletion.id } })).completedAt !== null, 15_000, worker);
      for (const id of [old.identityId, recent.identityId, sharedOld.identityId]) expect((await identity(id)).idCiphertext).toBeNull();
      expect(await api.db.prisma.shopperAddress.count({ where: { userId: a.user.id } })).toBe(0);
      expect(await api.db.prisma.shopperAddress.count({ where: { userId: b.user.id } })).toBe(1);
      // B's live identity shared with nobody else, and B's account, untouched; A's orders stay with the masked ID.
      expect(await api.db.prisma.order.count({ where: { shopperUserId: a.user.id } })).toBe(4);
      expect(await api.db.prisma.order.count({ where: { shopperUserId: a.user.id, ordererIdMasked: { not: { contains: '***' } } } })).toBe(0);
      expect((await api.db.prisma.user.findUniqueOrThrow({ where: { id: b.user.id } })).disabledAt).toBeNull();
    } finally {
      await worker.stop('SIGTERM');
    }
  });

  it('is for shoppers only, signed in: other roles FORBIDDEN, anonymous UNAUTHENTICATED, nothing written', async () => {
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const identity = (await api.db.prisma.customsIdentity.findFirstOrThrow()).id;
    const requests = await api.db.prisma.piiDeletionRequest.count();
    for (const [query, vars] of [[DELETE_IDENTITY, { id: identity }], [DELETE_ACCOUNT, {}], [IDENTITIES, {}]] as const) {
      expect(codeOf(await api.gql(query, vars, manager))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(query, vars))).toBe('UNAUTHENTICATED');
    }
    expect(await api.db.prisma.piiDeletionRequest.count()).toBe(requests);
    expect(await api.db.prisma.user.count({ where: { disabledAt: { not: null }, role: 'MUSEUM_MANAGER' } })).toBe(0);
  });
});

/** The worker declares nothing here (no order is paid through Stripe): only the retention job matters. */
function stripeFreeEnv(): Record<string, string> {
  return { PIPELINE_SWEEP_MS: '600000' };
}
