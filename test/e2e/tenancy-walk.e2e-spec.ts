import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import { startApi, type ApiHarness } from '../support/api-harness';
import { operationsOf, type IdPicker } from '../support/schema-walk';

/**
 * Walks the whole served schema: every query and mutation, called by each kind of actor
 * with the ids of objects that belong to someone else. Nothing may leak, nothing may
 * change, and nothing may crash. A new operation is covered the day it is added.
 */

// Operations anyone may call without signing in.
const PUBLIC = new Set([
  'login', 'refreshSession', 'logout', 'registerShopper',
  'storefronts', 'storefront', 'products', 'product', 'artworks',
  // A shelf label's short link: a published product of an open storefront, else NOT_FOUND.
  'productIdByShortCode',
  'cart', 'createCart', 'addToCart', 'addCartLine', 'updateCartLine', 'removeCartLine', 'setCartLineQuantity', 'checkoutPreview', 'placeOrder', 'orderByCart',
  // A guest gives up their own checkout with its cart token (NOT_FOUND for anyone else's).
  'abandonCheckout',
  // A live session as viewers see it (only products they could buy), and adding to the cart from its page.
  'liveSession', 'addLiveCartLine',
  // A drop as shoppers and anyone checking its draw see it (NOT_FOUND for an unknown id), and a product's drops.
  'drop', 'productDrops',
  // A coupon checked against the caller's own cart (its token for guests); writes nothing.
  'applyCartCoupon',
  // A guest's order (no account): a code texted to its phone for its number and phone, the code for an access token bound to it, the order and its return with that token.
  'sendGuestOrderCode', 'verifyGuestOrderCode', 'guestOrder', 'requestGuestReturn',
  // The checkout's ID-use consent text, for guests too (VALIDATION_FAILED for a locale it does not have).
  'checkoutConsent',
]);
// Operations that legitimately write on their own (sessions, sign-up, the caller's own cart).
const SELF_WRITES = new Set(['login', 'refreshSession', 'logout', 'registerShopper', 'createCart', 'addToCart', 'addCartLine', 'updateCartLine', 'removeCartLine', 'setCartLineQuantity', 'placeOrder',
  // Takes no id: it deletes the caller's own account (run, it would sign the walker out).
  'requestAccountDeletion']);

describe('tenancy: walking the whole schema', () => {
  let api: ApiHarness;
  let victim: { museumId: string; brandId: string; ids: Record<string, string>; secret: string };
  const tokens: Record<string, string> = {};

  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await api.db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'refresh_tokens') ORDER BY 1",
    );
    const out: Record<string, string> = {};
    for (const { table_name } of tables) {
      const [row] = await api.db.prisma.$queryRawUnsafe<{ h: string }[]>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table_name}" t`,
      );
      out[table_name] = row!.h;
    }
    return out;
  }

  beforeAll(async () => {
    api = await startApi();
    const p = api.db.prisma;
    const mine = await createMuseum(p, { slug: 'attacker-museum' });
    const theirs = await createMuseum(p, { slug: 'victim-museum', storefrontStatus: 'DRAFT' });
    const secret = `SECRET-${Date.now()}`;
    const theirBrand = await createBrand(p, { slug: 'victim-brand', name: secret });
    const myBrand = await createBrand(p, { slug: 'attacker-brand' });
    const artwork = await p.artwork.create({
      data: { museumId: theirs.id, accessionNumber: 'INV-1', titleFr: secret, titleEn: secret, titleZh: secret, artist: 'A', period: 'P', creditLine: 'C' },
    });
    const collection = await p.collection.create({ data: { museumId: theirs.id, slug: 'c', nameFr: secret, nameEn: secret, nameZh: secret } });
    const product = await p.product.create({
      data: {
        museumId: theirs.id, category: 'scarf', nameFr: secret, nameEn: secret, nameZh: secret,
        variants: { create: { museumId: theirs.id, sku: 'V-1', priceMinor: 1000, weightGrams: 100, hsCode: '6214100000', originCountry: 'FR' } },
      },
      include: { variants: true },
    });
    const victimUser = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [theirs.id] });
    // Its live session holds the unpublished product: viewers must not see it, other managers not touch it.
    const live = await p.liveSession.create({
      data: {
        museumId: theirs.id, title: 'victim live', streamUrl: 'https://live.example/victim', startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3600_000),
        createdBy: victimUser.id, products: { create: { productId: product.id, position: 0 } },
      },
    });
    const victimPartner = await createUser(p, 'BRAND_PARTNER', { brandId: theirBrand.id });
    const content = { title: { en: secret, fr: secret, zhCN: secret }, concept: { en: secret, fr: secret, zhCN: secret } };
    const proposal = await p.licensingProposal.create({
      data: {
        museumId: theirs.id, brandId: theirBrand.id, status: 'APPROVED', stage: 'FINAL_SAMPLE', content, approvedVersion: 1, createdByUserId: victimPartner.id,
        revisions: { create: { version: 1, stage: 'FINAL_SAMPLE', content, authorUserId: victimPartner.id } },
      },
    });
    const agreement = await p.licenceAgreement.create({
      data: {
        proposalId: proposal.id, museumId: theirs.id, brandId: theirBrand.id, royaltyRateBps: 800, currency: 'EUR', minimumGuaranteeMinor: 100000, advanceMinor: 50000,
        territory: ['CN'], channels: ['VITRINE_MARKETPLACE'], termStart: new Date('2026-01-01'), termEnd: new Date('2028-12-31'), sellOffDays: 90,
        sellOffEnd: new Date('2029-03-31'), approvedVersion: 1,
      },
    });
    // The victim brand fulfils a co-branded product from its own stock location.
    await p.licensedProduct.create({ data: { productId: product.id, agreementId: agreement.id, museumId: theirs.id, fulfilledByBrandId: theirBrand.id } });
    const location = await p.stockLocation.create({ data: { brandId: theirBrand.id, code: 'VICTIM-WH', name: secret, kind: 'EU_WAREHOUSE' } });
    await p.stockLevel.create({ data: { variantId: product.variants[0]!.id, locationId: location.id, onHand: 7 } });
    // Another shopper's saved delivery address: setDefaultAddress / deleteAddress walk with its id.
    const victimShopper = await createUser(p, 'SHOPPER');
    const address = await p.shopperAddress.create({
      data: { userId: victimShopper.id, name: secret.slice(0, 50), phone: '13800138000', province: '北京市', city: '市辖区', district: '朝阳区', street: secret, isDefault: true },
    });
    victim = {
      museumId: theirs.id,
      brandId: theirBrand.id,
      secret,
      ids: { session: live.id, product: product.id, variant: product.variants[0]!.id, artwork: artwork.id, collection: collection.id, user: victimUser.id, museum: theirs.id, brand: theirBrand.id, proposal: proposal.id, agreement: agreement.id, location: location.id, address: address.id },
    };
    const shopper = await createUser(p, 'SHOPPER');
    const manager = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [mine.id] });
    const partner = await createUser(p, 'BRAND_PARTNER', { brandId: myBrand.id });
    tokens['SHOPPER'] = await api.login(shopper.email);
    tokens['MUSEUM_MANAGER'] = await api.login(manager.email);
    tokens['BRAND_PARTNER'] = await api.login(partner.email);
  });
  afterAll(() => api.close());

  const ENTITIES = ['address', 'session', 'museum', 'brand', 'variant', 'artwork', 'collection', 'user', 'order', 'proposal', 'agreement', 'statement', 'location', 'product'];
  const pickId: IdPicker = (path, operation) => {
    const p = path.toLowerCase();
    // A bare `id`/`ids` belongs to the entity the operation is named after.
    const subject = p === 'id' || p === 'ids' ? operation.toLowerCase() : p;
    const entity = ENTITIES.find((e) => subject.includes(e)) ?? 'product';
    return victim.ids[entity];
  };

  const operations = () => operationsOf(api.app.get(GraphQLSchemaHost).schema, pickId);

  it('covers every operation of the schema', () => {
    const names = operations().map((o) => o.name);
    expect(names.length).toBeGreaterThan(10);
    // Arguments are picked by name: the operator's user(id) is walked with the victim's account,
    // the inbox with the victim's museum (and a stage).
    const variablesOf = (name: string) => operations().find((o) => o.name === name)?.variables;
    expect(variablesOf('user')).toEqual({ id: victim.ids['user'] });
    expect(variablesOf('proposalInbox')).toMatchObject({ museumId: victim.museumId, stage: 'CONCEPT' });
    expect(variablesOf('licenceAgreement')).toEqual({ id: victim.ids['agreement'] });
    expect(variablesOf('setDefaultAddress')).toEqual({ id: victim.ids['address'] });
    expect(variablesOf('deleteAddress')).toEqual({ id: victim.ids['address'] });
  });

  it('answers UNAUTHENTICATED to anonymous callers of every non-public operation, and never crashes', async () => {
    const failures: string[] = [];
    for (const op of operations()) {
      const r = await api.gql(op.document, op.variables);
      const code = r.errors?.[0]?.extensions?.['code'];
      if (code === 'INTERNAL_SERVER_ERROR') failures.push(`${op.name}: crashed`);
      if (!PUBLIC.has(op.name) && code !== 'UNAUTHENTICATED') failures.push(`${op.name}: answered ${code ?? 'data'} to an anonymous caller`);
      if (JSON.stringify(r.data ?? {}).includes(victim.secret)) failures.push(`${op.name}: leaked the victim's data`);
    }
    expect(failures).toEqual([]);
  });

  for (const role of ['SHOPPER', 'BRAND_PARTNER', 'MUSEUM_MANAGER'] as const) {
    it(`lets a ${role} neither read nor change another tenant's objects through any operation`, async () => {
      const before = await fingerprint();
      const failures: string[] = [];
      for (const op of operations()) {
        if (SELF_WRITES.has(op.name)) continue;
        const r = await api.gql(op.document, op.variables, tokens[role]);
        const code = r.errors?.[0]?.extensions?.['code'];
        if (code === 'INTERNAL_SERVER_ERROR') failures.push(`${op.name}: crashed`);
        if (JSON.stringify(r.data ?? {}).includes(victim.secret)) failures.push(`${op.name}: leaked the victim's data`);
        if (op.kind === 'mutation' && !r.errors) failures.push(`${op.name}: succeeded on the victim's objects`);
      }
      expect(failures).toEqual([]);
      expect(await fingerprint()).toEqual(before);
    });
  }
});
