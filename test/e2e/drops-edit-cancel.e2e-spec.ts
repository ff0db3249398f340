import { randomUUID } from 'node:crypto';
import { createMuseum, createUser } from '@vitrine/shared/testing';
import type { ApiHarness, GqlResult } from '../support/api-harness';
import { PLACE_ORDER, placeOrderInput, residentId } from '../support/checkout-fixtures';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import { until } from '../support/worker-process';

const DROP_FIELDS = `id status mode startsAt registrationClosesAt editionSize perIdentityLimit payWindowSeconds`;
const CREATE = `mutation($i: CreateDropInput!) { createDrop(input: $i) { ${DROP_FIELDS} } }`;
const UPDATE = `mutation($i: UpdateDropInput!) { updateDrop(input: $i) { ${DROP_FIELDS} } }`;
const CANCEL = `mutation($i: CancelDropInput!) { cancelDrop(input: $i) { ${DROP_FIELDS} } }`;
const MANAGED = `query($id: ID!) { managedDrop(id: $id) { ${DROP_FIELDS} } }`;
const DROP = `query($id: ID!) { drop(id: $id) { id status } }`;
const JOIN = `mutation($i: JoinDropInput!) { joinDrop(input: $i) { id status } }`;
const SUBSCRIBE = `mutation($i: SubscribeNoticeInput!) { subscribeNotice(input: $i) { id } }`;
const NOTICES = `{ myNotices(first: 20) { kind dropId message(locale: "en") } }`;
const ADD = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cart { id } } }`;

const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.['code'] as string | undefined;
const inHour = () => new Date(Date.now() + 3_600_000).toISOString();

/**
 * updateDrop and cancelDrop (issue 22) over HTTP with the worker running the drops' timetable:
 * a manager changes a drop before it starts (the worker follows the new start), every refusal
 * has a stable code and writes nothing, another museum's manager is answered NOT_FOUND; a drop
 * cancelled while turns are open closes its entries, cancels the checkout awaiting payment
 * (its held stock released), tells entrants and followers, and its variant sells normally again.
 */
describe('drops: change and cancel', () => {
  let h: PipelineHarness;
  let api: ApiHarness;
  let manager: string;
  let otherManager: string;

  beforeAll(async () => {
    h = await startPipeline('drops-edit', { shop: { prices: [8_900, 2_500], stock: 20 }, worker: { DROPS_TICK_MS: '250' } });
    ({ api } = h);
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [h.shop.museumId] })).email);
    const other = await createMuseum(api.db.prisma);
    otherManager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [other.id] })).email);
  }, 180_000);
  afterAll(() => h?.close());

  const stored = (id: string) => api.db.prisma.drop.findUniqueOrThrow({ where: { id } });
  const shopper = async () => {
    const u = await createUser(api.db.prisma, 'SHOPPER');
    return { id: u.id, token: await api.login(u.email) };
  };

  it('changes a drop before it starts, within the lead time and the stock; refusals write nothing; the worker follows the new start; a started drop cannot be changed', async () => {
    const variantId = h.shop.variants[0]!.id;
    const created: any = await api.gql(CREATE, { i: { variantId, mode: 'DRAW', startsAt: inHour(), registrationClosesAt: new Date(Date.now() + 7_200_000).toISOString(), editionSize: 10, perIdentityLimit: 1, payWindowMinutes: 5 } }, manager);
    expect(created.errors).toBeUndefined();
    const id = created.data.createDrop.id as string;
    const before = await stored(id);

    // Refusals: each with its code, the drop as it was.
    const refusals: [Record<string, unknown>, string, string | null][] = [
      [{ startsAt: new Date(Date.now() + 2_000).toISOString() }, 'VALIDATION_FAILED', 'input.startsAt'],
      [{ perIdentityLimit: 11 }, 'VALIDATION_FAILED', 'input.perIdentityLimit'],
      [{ registrationClosesAt: new Date(Date.now() + 1_800_000).toISOString() }, 'VALIDATION_FAILED', 'input.registrationClosesAt'],
      [{ payWindowMinutes: 0 }, 'VALIDATION_FAILED', 'input.payWindowMinutes'],
      [{ editionSize: 21 }, 'DROP_EDITION_OVER_STOCK', 'input.editionSize'],
    ];
    for (const [change, code, field] of refusals) {
      const r: any = await api.gql(UPDATE, { i: { dropId: id, ...change } }, manager);
      expect([codeOf(r), r.errors[0].extensions.fields?.[0]?.path ?? r.errors[0].extensions.field ?? null]).toEqual([code, field]);
    }
    expect(codeOf(await api.gql(UPDATE, { i: { dropId: id, editionSize: 12 } }, otherManager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(UPDATE, { i: { dropId: randomUUID(), editionSize: 12 } }, manager))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(UPDATE, { i: { dropId: id, editionSize: 12 } }, (await shopper()).token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(MANAGED, { id }, otherManager))).toBe('NOT_FOUND');
    expect(await stored(id)).toEqual(before);

    // Accepted: the whole stock as the edition, 2 per person, 10 minutes to pay, registration from 6 s to 9 s from now.
    const startsAt = new Date(Date.now() + 6_000);
    const closesAt = new Date(startsAt.getTime() + 3_000);
    const changed: any = await api.gql(UPDATE, { i: { dropId: id, startsAt: startsAt.toISOString(), registrationClosesAt: closesAt.toISOString(), editionSize: 20, perIdentityLimit: 2, payWindowMinutes: 10 } }, manager);
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateDrop).toMatchObject({ status: 'SCHEDULED', mode: 'DRAW', startsAt: startsAt.toISOString(), registrationClosesAt: closesAt.toISOString(), editionSize: 20, perIdentityLimit: 2, payWindowSeconds: 600 });
    expect((await stored(id)).seedHash).toBe(before.seedHash);

    // The worker opens registration at the new start, not the old one.
    await until('registration open at the new start', async () => (await stored(id)).status === 'REGISTRATION', 30_000, h.worker);
    expect(Date.now()).toBeGreaterThanOrEqual(startsAt.getTime());
    const started: any = await api.gql(UPDATE, { i: { dropId: id, editionSize: 5 } }, manager);
    expect(codeOf(started)).toBe('DROP_ALREADY_STARTED');
    expect((await stored(id)).editionSize).toBe(20);
    // Cancelled, it can be neither changed nor cancelled again.
    expect(((await api.gql(CANCEL, { i: { dropId: id } }, manager)) as any).data.cancelDrop.status).toBe('CANCELLED');
    expect(codeOf(await api.gql(UPDATE, { i: { dropId: id, editionSize: 5 } }, manager))).toBe('DROP_ALREADY_ENDED');
    expect(codeOf(await api.gql(CANCEL, { i: { dropId: id } }, manager))).toBe('DROP_ALREADY_ENDED');
  }, 120_000);

  it('cancels a drop with open turns: entries closed, the unpaid checkout cancelled and its stock released, entrants and followers told; the variant sells normally again', async () => {
    const variantId = h.shop.variants[1]!.id;
    const created: any = await api.gql(CREATE, { i: { variantId, mode: 'QUEUE', startsAt: inHour(), editionSize: 2, perIdentityLimit: 1, payWindowMinutes: 5 } }, manager);
    expect(created.errors).toBeUndefined();
    const id = created.data.createDrop.id as string;
    const people = [await shopper(), await shopper(), await shopper()];
    for (const [i, p] of people.entries()) expect(((await api.gql(JOIN, { i: { dropId: id, residentId: residentId(40_100 + i) } }, p.token)) as any).errors).toBeUndefined();
    const follower = await shopper();
    expect(((await api.gql(SUBSCRIBE, { i: { kind: 'DROP_OPENS', targetId: id } }, follower.token)) as any).errors).toBeUndefined();

    // The start, brought forward: two turns (edition 2, 1 each).
    await api.db.prisma.drop.update({ where: { id }, data: { startsAt: new Date() } });
    await until('two turns given', async () => (await api.db.prisma.dropEntry.count({ where: { dropId: id, status: 'ADMITTED' } })) === 2, 30_000, h.worker);
    const admitted = await api.db.prisma.dropEntry.findMany({ where: { dropId: id, status: 'ADMITTED' } });
    const buyerIdx = people.findIndex((p) => p.id === admitted[0]!.userId);
    const buyer = people[buyerIdx]!;
    const cart: any = await api.gql(ADD, { i: { variantId, quantity: 1 } }, buyer.token);
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cart.data.addCartLine.cart.id, `drop-cancel-${id}`, { id: residentId(40_100 + buyerIdx) }) }, buyer.token);
    expect(placed.errors).toBeUndefined();
    const level = () => api.db.prisma.stockLevel.findFirstOrThrow({ where: { variantId } });
    expect((await level()).reserved).toBe(1);

    // Another museum's manager: NOT_FOUND, nothing changes.
    expect(codeOf(await api.gql(CANCEL, { i: { dropId: id } }, otherManager))).toBe('NOT_FOUND');
    expect((await stored(id)).status).toBe('ALLOCATING');

    const cancelled: any = await api.gql(CANCEL, { i: { dropId: id, reason: 'the edition was damaged in transit' } }, manager);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelDrop.status).toBe('CANCELLED');
    expect((await stored(id)).endedAt).not.toBeNull();
    // The checkout awaiting payment is cancelled and its unit back on sale; no entry left open.
    expect(await api.db.prisma.order.findMany({ where: { checkoutId: placed.data.placeOrder.id }, select: { status: true } })).toEqual([{ status: 'CANCELLED' }]);
    expect((await level()).reserved).toBe(0);
    const entries = await api.db.prisma.dropEntry.findMany({ where: { dropId: id }, select: { status: true } });
    expect(entries.map((e) => e.status).sort()).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect((await stored(id)).claimedUnits).toBe(0);

    // Every entrant and the follower is told, once.
    // Stored as its code and the reason; written in the reader's language (English here), naming the item.
    const name = (await api.db.prisma.product.findFirstOrThrow({ where: { variants: { some: { id: h.shop.variants[0]!.id } } } })).nameEn;
    for (const p of [...people, follower]) {
      const n: any = await api.gql(NOTICES, {}, p.token);
      const kinds = n.data.myNotices.map((x: any) => x.kind);
      expect(kinds.filter((k: string) => k === 'DROP_CANCELLED')).toHaveLength(1);
      expect(n.data.myNotices.find((x: any) => x.kind === 'DROP_CANCELLED')).toMatchObject({ dropId: id, message: `The limited edition of ${name} was cancelled: the edition was damaged in transit` });
    }
    expect(await api.db.prisma.shopperNotice.findMany({ where: { kind: 'DROP_CANCELLED', dropId: id }, select: { message: true, params: true }, distinct: ['userId'] })).toEqual(
      [...people, follower].map(() => ({ message: '', params: { reason: 'the edition was damaged in transit' } })),
    );

    // Shoppers no longer see it; the manager still does; the variant is bought without a turn again.
    expect(codeOf(await api.gql(DROP, { id }))).toBe('NOT_FOUND');
    expect(((await api.gql(MANAGED, { id }, manager)) as any).data.managedDrop.status).toBe('CANCELLED');
    const anyone = await shopper();
    const c2: any = await api.gql(ADD, { i: { variantId, quantity: 1 } }, anyone.token);
    const free: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(c2.data.addCartLine.cart.id, `after-cancel-${id}`, { id: residentId(40_200) }) }, anyone.token);
    expect(free.errors).toBeUndefined();
    // A new drop of the variant may be made.
    expect(((await api.gql(CREATE, { i: { variantId, mode: 'QUEUE', startsAt: inHour(), editionSize: 2, perIdentityLimit: 1, payWindowMinutes: 5 } }, manager)) as any).errors).toBeUndefined();
  }, 120_000);
});
