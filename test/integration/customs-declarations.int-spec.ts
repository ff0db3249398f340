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
  /** Orders someone other than the orderer paid for, as the payment company knows. */
  const paidByOther = new Set<string>();
  const SELLER = { code: '3120260001', name: 'Musée Test (Shanghai) Trading' };

  /** The worker's and the API's customs modules, configured as the environment would. */
  const modules = async (env: { timeoutMs: number; privateKey?: KeyObject }) => {
    Object.assign(process.env, {
      ...customs.env,
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
      ebc: SELLER,
      inventory: { tradeMode: '9610', hsCodes: ['491110'] },
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
      paymentCompany: {
        refuse: (orderNo) => (refusedPayments.has(orderNo) ? 'TRADE_NOT_EXIST' : null),
        payer: (orderNo) => (paidByOther.has(orderNo) ? { name: '王伟', idNumber: '110101199003074514' } : null),
      },
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

  it('declares the order, waybill and declaration list to customs (signed, the museum as seller), asks the payment company for the payment record, and keeps masked audit copies', async () => {
    const requests = [request(1), request(2), request(3)];
    const outcome = await service.declare(requests);
    expect([...outcome.values()]).toEqual([{ state: 'ACCEPTED' }, { state: 'ACCEPTED' }, { state: 'ACCEPTED' }]);
    for (const r of requests) for (const d of ['ORDER', 'PAYMENT', 'WAYBILL', 'INVENTORY'] as const) expect(customs.acceptedCount(d, r.order.orderNo)).toBe(1);
    expect(customs.stats.badSignatures).toBe(0);
    expect(customs.paymentCompany.stats.badSignatures).toBe(0);
    // The seller is the museum, the platform the platform.
    const declared = customs.accepted.get(requests[0].order.orderNo)!;
    expect(declared.order!.head['ceb:ebcCode']).toBe(SELLER.code);
    expect(declared.order!.head['ceb:ebpCode']).toBe('1105910159');
    expect(declared.inventory!.head).toMatchObject({ 'ceb:ebcCode': SELLER.code, 'ceb:copNo': requests[0].order.orderNo, 'ceb:logisticsNo': requests[0].waybill.logisticsNo, 'ceb:tradeMode': '9610', 'ceb:buyerIdNumber': ID, 'ceb:buyerName': '张三' });
    expect(declared.inventory!.lines[0]).toMatchObject({ 'ceb:gcode': '4911100000', 'ceb:qty': '2', 'ceb:price': '100.00', 'ceb:totalPrice': '200.00', 'ceb:currency': '142' });
    // The payment record customs holds came from the payment company, asked with the museum's registration.
    expect(declared.payment!['ceb:payCode']).toBe('31222699S7');
    expect(customs.paymentCompany.declarations.get(requests[0].order.orderNo)!.params).toMatchObject({ service: 'alipay.acquire.customs', merchant_customs_code: SELLER.code, amount: '250.93', trade_no: requests[0].payment.payTransactionId, customs_place: 'ZONGSHU', buyer_name: '张三' });

    const rows = await db.prisma.customsMessage.findMany({ where: { orderId: { in: requests.map((r) => r.orderId) } } });
    expect(rows).toHaveLength(12);
    expect(rows.every((m) => m.status === 'ACCEPTED' && m.attempts === 1 && m.firstSentAt && m.museumId === museumId)).toBe(true);
    const order = rows.find((m) => m.document === 'ORDER' && m.orderId === requests[0].orderId)!;
    expect(order.xmlMasked).toContain('<ceb:buyerIdNumber>110***********002X</ceb:buyerIdNumber>');
    expect(order.senderCode).toBe(SELLER.code);
    const list = rows.find((m) => m.document === 'INVENTORY' && m.orderId === requests[0].orderId)!;
    expect([list.messageType, list.senderCode]).toEqual(['CEB621', SELLER.code]);
    expect(list.xmlMasked).toContain('<ceb:buyerIdNumber>110***********002X</ceb:buyerIdNumber>');
    const payment = rows.find((m) => m.document === 'PAYMENT' && m.orderId === requests[0].orderId)!;
    expect([payment.messageType, payment.senderCode]).toEqual(['alipay.acquire.customs', '31222699S7']);
    expect(payment.xmlMasked).toContain('buyer_id_no=110***********002X');
    const asked = await db.prisma.customsPaymentDeclaration.findUniqueOrThrow({ where: { messageId: payment.id } });
    expect(asked).toMatchObject({ provider: 'alipay.acquire.customs', outRequestNo: requests[0].order.orderNo, merchantCustomsCode: SELLER.code, amountMinor: 25_093, resultCode: 'SUCCESS', identityMatch: true, payerNameVerified: '张三' });
    expect(asked.declareNo).toBeTruthy();
    const everything = JSON.stringify(
      await db.prisma.$queryRawUnsafe('SELECT * FROM customs_messages m LEFT JOIN customs_receipts r ON r.message_id = m.id LEFT JOIN customs_payment_declarations p ON p.message_id = m.id'),
      (_k, v) => (typeof v === 'bigint' ? String(v) : v),
    );
    expect(everything).not.toContain(ID);
    expect(await db.prisma.customsReceipt.count({ where: { messageId: { in: rows.map((m) => m.id) }, returnStatus: '120' } })).toBe(9);
    expect(await db.prisma.customsReceipt.count({ where: { messageId: { in: rows.map((m) => m.id) }, returnStatus: 'SUCCESS' } })).toBe(3);
    // One envelope per document kind for the three orders, one request per order to the payment company.
    expect(await db.prisma.customsTransmission.count({ where: { messageType: { startsWith: 'CEB' } } })).toBe(3);
    expect(await db.prisma.customsTransmission.count({ where: { messageType: 'alipay.acquire.customs' } })).toBe(3);

    // Declaring again sends nothing and changes nothing.
    const messagesBefore = customs.stats.messages;
    expect([...(await service.declare(requests)).values()].every((o) => o.state === 'ACCEPTED')).toBe(true);
    expect(customs.stats.messages).toBe(messagesBefore);
  });

  it('sends the same entries again after a timeout; customs answers with its first receipt, so each is accepted once', async () => {
    const requests = [request(10), request(11)];
    customs.timeoutNext(1, true);
    const quick = await serviceWith(1_000);
    const first = await quick.declare(requests);
    const failed = [...first.values()].filter((o) => o.state === 'FAILED');
    expect(failed).toHaveLength(2);
    expect((failed[0] as { error: Error }).error.message).toMatch(/not acknowledged/);

    const second = await quick.declare(requests);
    expect([...second.values()]).toEqual([{ state: 'ACCEPTED' }, { state: 'ACCEPTED' }]);
    expect(customs.stats.resends).toBe(2);
    for (const r of requests) for (const d of ['ORDER', 'PAYMENT', 'WAYBILL', 'INVENTORY'] as const) expect(customs.acceptedCount(d, r.order.orderNo)).toBe(1);
    const retried = await db.prisma.customsMessage.findMany({ where: { orderId: { in: requests.map((r) => r.orderId) }, attempts: 2 } });
    expect(retried).toHaveLength(2);
    expect(retried[0].lastError).toBeNull();
    const attempts = await transmissionsOf(retried[0].id);
    expect(attempts.map((t) => t.outcome)).toEqual(['TIMEOUT', 'ACKNOWLEDGED']);
  });

  it('reports a refused document with customs’ reason, and a message with a bad signature as not sent', async () => {
    const refused = request(20);
    refusedPayments.add(refused.order.orderNo);
    const outcome = await service.declare([refused]);
    expect(outcome.get(refused.orderId)).toEqual({ state: 'REJECTED', reason: 'CEB411: the payment company refused the declaration: TRADE_NOT_EXIST' });

    const forged = request(21);
    const outcome2 = await (await serviceWith(2_000, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)).declare([forged]);
    expect(outcome2.get(forged.orderId)?.state).toBe('FAILED');
    expect(customs.acceptedCount('ORDER', forged.order.orderNo)).toBe(0);
    const [t] = await transmissionsOf((await db.prisma.customsMessage.findFirstOrThrow({ where: { orderId: forged.orderId, document: 'ORDER' } })).id);
    expect(t.outcome).toBe('HTTP_400');
  });

  it('follows clearance receipts on the declaration lists: released, held for inspection or for documents that do not match, each applied once', async () => {
    const good = request(30);
    const inspected = request(31);
    const otherPayer = request(32);
    paidByOther.add(otherPayer.order.orderNo);
    const underpaid = request(33, { amountPaidMinor: 20_000 });
    held.add(inspected.order.orderNo);
    const answered = await service.declare([good, inspected, otherPayer, underpaid]);
    // The payment company said who paid: the payment document is held with that reason, before customs says anything.
    expect(answered.get(otherPayer.orderId)).toEqual({ state: 'ACCEPTED' });
    const payment = await db.prisma.customsMessage.findFirstOrThrow({ where: { orderId: otherPayer.orderId, document: 'PAYMENT' }, include: { receipts: true } });
    expect(payment.status).toBe('HELD');
    expect(payment.receipts[0].returnInfo).toBe('the payer is not the orderer: the payment company verified the payer as 王伟, the orderer is 张三; the payer’s ID number is not the orderer’s');
    expect(await db.prisma.customsPaymentDeclaration.findUniqueOrThrow({ where: { messageId: payment.id } })).toMatchObject({ payerNameVerified: '王伟', identityMatch: false });

    const { returns, cursor } = await service.fetchClearances('', 1000);
    const moved = await db.prisma.$transaction((tx) => service.applyClearances(tx, returns));
    const byOrder = new Map(moved.map((m) => [m.orderId, m]));
    expect(byOrder.get(good.orderId)).toEqual({ orderId: good.orderId, status: 'CLEARED', reason: '放行' });
    expect(byOrder.get(inspected.orderId)).toMatchObject({ status: 'HELD', reason: '查验: selected for inspection' });
    expect(byOrder.get(otherPayer.orderId)?.reason).toMatch(/payer is not the orderer/);
    expect(byOrder.get(underpaid.orderId)?.reason).toMatch(/more than 5 %/);
    expect(await db.prisma.customsMessage.findFirst({ where: { orderId: good.orderId, document: 'INVENTORY' }, select: { status: true } })).toEqual({ status: 'CLEARED' });
    expect(await db.prisma.customsMessage.findFirst({ where: { orderId: good.orderId, document: 'ORDER' }, select: { status: true } })).toEqual({ status: 'ACCEPTED' });

    // The same receipts again (a poller that crashed before saving its cursor): nothing moves, nothing doubles.
    const receiptsBefore = await db.prisma.customsReceipt.count();
    expect(await db.prisma.$transaction((tx) => service.applyClearances(tx, returns))).toEqual([]);
    expect(await db.prisma.customsReceipt.count()).toBe(receiptsBefore);
    expect((await service.fetchClearances(cursor, 1000)).returns).toEqual([]);
  });
});
