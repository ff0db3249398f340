import { randomUUID } from 'node:crypto';
import { idUseConsent } from '@vitrine/orders';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { startApiProcess } from '../support/spawn-api';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';

jest.setTimeout(120_000);

const CONSENT = `query($l: String) { checkoutConsent(locale: $l) { version locale retentionDaysAfterRelease title text label } }`;

/**
 * Issue 20: the checkout's ID-use consent states the retention the retention job applies. The API
 * here runs with PII_RETENTION_DAYS_AFTER_RELEASE=120 (not the default 90): checkoutConsent serves
 * that figure, in its text in each language and in its version, and a checkout placed records that
 * version. A value under the 45-day return (30 days to apply, 45 for the goods to be back and the
 * return declared) stops the API at start with a message saying why.
 */
describe('checkout consent text and version from the retention settings, over GraphQL', () => {
  let api: ApiHarness;
  let close: () => Promise<void>;
  let shop: Shop;

  beforeAll(async () => {
    ({ api, close } = await startCheckoutApi({ PII_RETENTION_DAYS_AFTER_RELEASE: '120' }));
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [1_000], stock: 50 });
  });
  afterAll(async () => {
    await close();
    delete process.env['PII_RETENTION_DAYS_AFTER_RELEASE'];
  });

  it('serves the consent with the configured 120 days in zh-CN (default), en and fr', async () => {
    for (const locale of [null, 'zh-CN', 'en', 'fr'] as const) {
      const r = await api.gql<{ checkoutConsent: Record<string, unknown> }>(CONSENT, { l: locale });
      expect(r.errors).toBeUndefined();
      const c = r.data!.checkoutConsent;
      expect(c).toEqual({ ...idUseConsent(locale ?? 'zh-CN', 120) });
      expect(c['retentionDaysAfterRelease']).toBe(120);
      expect(c['version']).toBe('2026-12+r120');
      expect(c['text']).toContain('120');
      expect(c['text']).not.toContain('90');
    }
    expect((await api.gql<any>(CONSENT, { l: 'en' })).data.checkoutConsent.text).toContain('kept for 120 days after customs has released');
    const bad = await api.gql(CONSENT, { l: 'de' });
    expect(codeOf(bad)).toBe('VALIDATION_FAILED');
  });

  it('records the served version with a placed checkout', async () => {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } });
    const { cartToken, cart } = added.data.addCartLine;
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cart.id, randomUUID(), { cartToken, id: residentId(2020) }) });
    expect(placed.errors).toBeUndefined();
    const checkout = await api.db.prisma.checkout.findUniqueOrThrow({ where: { id: placed.data.placeOrder.id }, select: { consentVersion: true, idConsentAt: true } });
    expect(checkout.consentVersion).toBe('2026-12+r120');
    expect(checkout.idConsentAt).toBeInstanceOf(Date);
  });

  it('refuses to start with a retention shorter than the return (apps/api as a process)', async () => {
    // Nest exits the process when a provider factory throws: the API is started as its own process.
    const started = startApiProcess({ DATABASE_URL: api.db.url, PII_RETENTION_DAYS_AFTER_RELEASE: '44' }, 90_000);
    await expect(started).rejects.toThrow(/PII_RETENTION_DAYS_AFTER_RELEASE is 44 but must be at least 45: the return window \(applied for within 30 days of customs release, goods back and declared within 45\)/);
  });
});
