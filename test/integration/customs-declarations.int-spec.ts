import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { DataAccessModule } from '@vitrine/shared/data-access';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import {
  CustomsAuditModule,
  CustomsDeclarationsModule,
  CustomsModule,
  DeclarationsAuditService,
  DeclarationsService,
  IdentityRecordsService,
  parseResidentId,
  type DeclarationRequest,
} from '@vitrine/customs';
import { CustomsLoopback } from '../support/customs-loopback';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (k: KeyObject) => k.export({ type: 'pkcs8', format: 'pem' }).toString();
const ID = '11010519491231002X';

describe('customs declarations against the loopback customs (real PostgreSQL)', () => {
  let db: TestDatabase;
  let customs: CustomsLoopback;
  let service: DeclarationsService;
  let audit: DeclarationsAuditService;
  const museumId = randomUUID();
  let identityId: string;
  const held = new Set<string>();
  const refusedPayments = new Set<string>();

  /** The worker's and the API's customs modules, configured as the environment would. */
  const modules = async (env: { timeoutMs: number; privateKey?: KeyObject }) => {
    Object.assign(process.env, {
      CUSTOMS_GATEWAY_URL: customs.url,
      CUSTOMS_TIMEOUT_MS: String(env.timeoutMs),
      CUSTOMS_SIGNING_KEY: pem(env.privateKey ?? keys.privateKey),
      CUSTOMS_SIGNING_KEY_NAME: 'test-cert',
    });
    const app = await (await Test.createTestingModule({ imports: [DataAccessModule, CustomsModule, CustomsDeclarationsModule, CustomsAuditModule] }).compile()).init();
    apps.push(app);
    return app;
  };
  const apps: { close(): Promise<void> }[] = [];
  const serviceWith = async (timeoutMs: number, privateKey?: KeyObject) => (await modules({ timeoutMs, privateKey })).get(DeclarationsService);
  const transmissionsOf = async (messageId: string) => (await audit.transmissions([messageId])).get(messageId)!;

  const request = (n: number, over: { payerName?: string; amountPaidMinor?: number } = {}): DeclarationRequest => {
    const orderNo = `VT-T-${n}-${randomUUID().slice(0, 6)}`;
    return {
      orderId: randomUUID(),
      museumId,
      identityId,
      order: {
        orderNo,
        goodsValueMinor: 20_000,
        freightMinor: 3_000,
        discountMinor: 0,
        taxTotalMinor: 2_093,
        acturalPaidMinor: 25_093,
        buyerRegNo: 'shopper-1',
        buyerName: '张三',
        buyerTelephone: '13800138000',
        payTransactionId: `pi_${orderNo}`,
        consignee: '张三',
        consigneeTelephone: '13800138000',
        consigneeAddress: '上海市 上海市 黄浦区 南京东路 100 号',
        lines: [{ itemNo: 'SKU-1', itemName: '明信片套装', gmodel: 'SKU-1', qty: 2, priceMinor: 10_000, totalMinor: 20_000, originCountry: 'FR' }],
      },
      payment: { payTransactionId: `pi_${orderNo}`, payerName: over.payerName ?? '张三', telephone: '13800138000', amountPaidMinor: over.amountPaidMinor ?? 25_093, payTime: new Date() },
      waybill: {
        logistics: { code: '3120980105', name: 'Loopback Express' },
        logisticsNo: `LX${n}${randomUUID().slice(0, 8)}`,
        freightMinor: 3_000,
        insuredFeeMinor: 0,
        weightGrams: 850,
        packNo: 1,
        goodsInfo: '明信片套装',
        consignee: '张三',
        consigneeAddress: '上海市 上海市 黄浦区 南京东路 100 号',
        consigneeTelephone: '13800138000',
      },
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    customs = await CustomsLoopback.start({
      publicKey: keys.publicKey,
      holdRule: (orderNo) => (held.has(orderNo) ? '查验: selected for inspection' : null),
      rejectRule: (document, business) => (document === 'PAYMENT' && refusedPayments.has(business) ? 'payment record refused by the test' : null),
    });
    const app = await modules({ timeoutMs: 2_000 });
    service = app.get(DeclarationsService);
    audit = app.get(DeclarationsAuditService);
    const parsed = parseResidentId(ID, new Date());
    if (!parsed.ok) throw new Error('test ID is invalid');
    identityId = (await db.prisma.$transaction((tx) => app.get(IdentityRecordsService).record(tx, parsed.id))).identityId;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await customs.close();
    await db.drop();
  });

  it('declares the three documents once, signed, and keeps a masked audit copy', async () => {
    const requests = [request(1), request(2), request(3)];
    const outcome = await service.declare(requests);
    expect([...outcome.values()]).toEqual([{ state: 'ACCEPTED' }, { state: 'ACCEPTED' }, { state: 'ACCEPTED' }]);
    for (const r of requests) for (const d of ['ORDER', 'PAYMENT', 'WAYBILL'] as const) expect(customs.acceptedCount(d, r.order.orderNo)).toBe(1);
    expect(customs.stats.badSignatures).toBe(0);

    const rows = await db.prisma.customsMessage.findMany({ where: { orderId: { in: requests.map((r) => r.orderId) } } });
    expect(rows).toHaveLength(9);
    expect(rows.every((m) => m.status === 'ACCEPTED' && m.attempts === 1 && m.firstSentAt && m.museumId === museumId)).toBe(true);
    const order = rows.find((m) => m.document === 'ORDER' && m.orderId === requests[0].orderId)!;
    expect(order.xmlMasked).toContain('<ceb:buyerIdNumber>110***********002X</ceb:buyerIdNumber>');
    const everything = JSON.stringify(await db.prisma.$queryRawUnsafe('SELECT * FROM customs_messages m LEFT JOIN customs_receipts r ON r.message_id = m.id'), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    expect(everything).not.toContain(ID);
    expect(await db.prisma.customsReceipt.count({ where: { messageId: { in: rows.map((m) => m.id) }, returnStatus: '120' } })).toBe(9);
    // One envelope per document kind for the three orders.
    expect(await db.prisma.customsTransmission.count()).toBe(3);

    // Declaring again sends nothing and changes nothing.
    const messagesBefore = customs.stats.messages;
    expect([...(await service.declare(requests)).values()].every((o) => o.state === 'ACCEPTED')).toBe(true);
    expect(customs.stats.messages).toBe(messagesBefore);
  });

  it('sends the same entries again after a timeout; customs answers with its first receipt, so each is accepted once', async () => {
    const requests = [request(10), request(11)];
    customs.timeoutNext(1, true);
    const quick = await serviceWith(300);
    const first = await quick.declare(requests);
    const failed = [...first.values()].filter((o) => o.state === 'FAILED');
    expect(failed).toHaveLength(2);
    expect((failed[0] as { error: Error }).error.message).toMatch(/not acknowledged/);

    const second = await quick.declare(requests);
    expect([...second.values()]).toEqual([{ state: 'ACCEPTED' }, { state: 'ACCEPTED' }]);
    expect(customs.stats.resends).toBe(2);
    for (const r of requests) for (const d of ['ORDER', 'PAYMENT', 'WAYBILL'] as const) expect(customs.acceptedCount(d, r.order.orderNo)).toBe(1);
    const retried = await db.prisma.customsMessage.findMany({ where: { orderId: { in: requests.map((r) => r.orderId) }, attempts: 2 } });
    expect(retried).toHaveLength(2);
    expect(retried[0].lastError).toBeNull();
    const attempts = await transmissionsOf(retried[0].id);
    expect(attempts.map((t) => t.outcome)).toEqual(['TIMEOUT', 'ACKNOWLEDGED']);
  });

  it('reports a refused document with customs’ reason, and a message with a bad signature as not sent', async () => {
    const refused = request(20);
    refusedPayments.add(refused.payment.payTransactionId);
    const outcome = await service.declare([refused]);
    expect(outcome.get(refused.orderId)).toEqual({ state: 'REJECTED', reason: 'CEB411: payment record refused by the test' });

    const forged = request(21);
    const outcome2 = await (await serviceWith(2_000, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)).declare([forged]);
    expect(outcome2.get(forged.orderId)?.state).toBe('FAILED');
    expect(customs.acceptedCount('ORDER', forged.order.orderNo)).toBe(0);
    const [t] = await transmissionsOf((await db.prisma.customsMessage.findFirstOrThrow({ where: { orderId: forged.orderId, document: 'ORDER' } })).id);
    expect(t.outcome).toBe('HTTP_400');
  });

  it('follows clearance receipts: released, held for inspection or for documents that do not match, each applied once', async () => {
    const good = request(30);
    const inspected = request(31);
    const otherPayer = request(32, { payerName: '李四' });
    const underpaid = request(33, { amountPaidMinor: 20_000 });
    held.add(inspected.order.orderNo);
    await service.declare([good, inspected, otherPayer, underpaid]);

    const { returns, cursor } = await service.fetchClearances('', 1000);
    const moved = await db.prisma.$transaction((tx) => service.applyClearances(tx, returns));
    const byOrder = new Map(moved.map((m) => [m.orderId, m]));
    expect(byOrder.get(good.orderId)).toEqual({ orderId: good.orderId, status: 'CLEARED', reason: '放行' });
    expect(byOrder.get(inspected.orderId)).toMatchObject({ status: 'HELD', reason: '查验: selected for inspection' });
    expect(byOrder.get(otherPayer.orderId)?.reason).toMatch(/payer is not the orderer/);
    expect(byOrder.get(underpaid.orderId)?.reason).toMatch(/more than 5 %/);
    expect(await db.prisma.customsMessage.findFirst({ where: { orderId: good.orderId, document: 'ORDER' }, select: { status: true } })).toEqual({ status: 'CLEARED' });

    // The same receipts again (a poller that crashed before saving its cursor): nothing moves, nothing doubles.
    const receiptsBefore = await db.prisma.customsReceipt.count();
    expect(await db.prisma.$transaction((tx) => service.applyClearances(tx, returns))).toEqual([]);
    expect(await db.prisma.customsReceipt.count()).toBe(receiptsBefore);
    expect((await service.fetchClearances(cursor, 1000)).returns).toEqual([]);
  });
});
