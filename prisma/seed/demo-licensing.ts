import type { INestApplicationContext } from '@nestjs/common';
import { DraftProposalService, LicensedProductsService, ReviewProposalService, SubmitProposalService } from '@vitrine/licensing';
import type { Actor } from '@vitrine/shared/graphql';
import type { PrismaService } from '@vitrine/shared/data-access';
import { BRAND_LOCATION, brandLocationId, writeReceipts } from './demo-stock';

export const DEMO_BRAND_SLUG = 'maison-demo';

/** Which stage each demo proposal is left at (the integration test checks these). */
export const DEMO_PROPOSALS = {
  scarf: { en: 'La Joconde silk scarf', status: 'APPROVED', stage: 'FINAL_SAMPLE' },
  candle: { en: 'Winged Victory scented candle', status: 'DRAFT', stage: 'CONCEPT' },
  tote: { en: 'Liberty Leading the People canvas tote', status: 'SUBMITTED', stage: 'CONCEPT' },
  plate: { en: 'Venus de Milo porcelain plate', status: 'CHANGES_REQUESTED', stage: 'CONCEPT' },
} as const;

export const CHANGES_COMMENT =
  'We like the idea. The concept sketch crops the statue at the waist; please show it whole, and add the credit line “Musée du Louvre, dist. GrandPalaisRmn” under the rim. The forecast of 8,000 units looks optimistic for a first run: please justify or lower it.';

export interface CoBranded {
  productId: string;
  variantId: string;
  brandId: string;
  locationId: string;
}

const image = (seed: string) => `https://picsum.photos/seed/${encodeURIComponent(seed)}/800/800`;

function termDates(now: Date): { termStart: string; termEnd: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear() + 2, now.getUTCMonth(), 0));
  return { termStart: start.toISOString().slice(0, 10), termEnd: end.toISOString().slice(0, 10) };
}

/**
 * Maison Demo's proposals to the Louvre, run through licensing's own services so every row
 * (revisions, reviews, history, review clock and reminders in the outbox, the agreement and
 * the draft co-branded product of final approval) is what the API would have written. A
 * proposal is found again by its English title: one that exists is left at whatever stage
 * it reached.
 */
export async function seedLicensing(app: INestApplicationContext, prisma: PrismaService, louvreId: string): Promise<CoBranded | null> {
  const brand = await prisma.brand.findUnique({ where: { slug: DEMO_BRAND_SLUG }, select: { id: true } });
  const partnerUser = await prisma.user.findUnique({ where: { email: 'partner@maison-demo.test' }, select: { id: true, brandId: true } });
  const managerUser = await prisma.user.findUnique({ where: { email: 'manager@louvre.test' }, select: { id: true } });
  if (!brand || !partnerUser || partnerUser.brandId !== brand.id || !managerUser) return null;
  const partner: Actor = { userId: partnerUser.id, role: 'BRAND_PARTNER', museumIds: [], brandId: brand.id };
  const manager: Actor = { userId: managerUser.id, role: 'MUSEUM_MANAGER', museumIds: [louvreId], brandId: null };
  const drafts = app.get(DraftProposalService);
  const submissions = app.get(SubmitProposalService);
  const reviews = app.get(ReviewProposalService);

  const works = new Map(
    (await prisma.artwork.findMany({ where: { museumId: louvreId, accessionNumber: { in: ['INV 779', 'Ma 2369', 'RF 129', 'Ma 399'] } }, select: { id: true, accessionNumber: true } })).map((w) => [
      w.accessionNumber,
      w.id,
    ]),
  );
  const { termStart, termEnd } = termDates(new Date());
  const offer = (units: number, rateBps: number, mg: number, advance: number) => ({
    forecastUnits: units,
    territory: ['CN', 'FR'],
    channels: ['VITRINE_MARKETPLACE', 'BRAND_ONLINE'],
    termStart,
    termEnd,
    sellOffDays: 90,
    royaltyRateBps: rateBps,
    minimumGuarantee: { amount: mg, currency: 'EUR' },
    advance: { amount: advance, currency: 'EUR' },
  });

  async function existing(titleEn: string) {
    return prisma.licensingProposal.findFirst({ where: { brandId: brand!.id, museumId: louvreId, content: { path: ['title', 'en'], equals: titleEn } }, select: { id: true } });
  }
  const approve = (id: string, comment: string) => reviews.review(manager, { id, decision: 'APPROVE', comment });

  // 1. Approved at the final stage: agreement, co-branded product published, brand stock.
  let scarf = await existing(DEMO_PROPOSALS.scarf.en);
  if (!scarf && works.get('INV 779')) {
    const p = await drafts.create(partner, {
      museumId: louvreId,
      content: {
        title: { fr: 'Carré de soie La Joconde', en: DEMO_PROPOSALS.scarf.en, zh: '蒙娜丽莎真丝方巾' },
        concept: {
          fr: 'Un carré 90 × 90 cm en twill de soie, imprimé à Lyon : le sourire de Mona Lisa en camaïeu sépia, bordure roulottée main.',
          en: 'A 90 × 90 cm silk twill square printed in Lyon: Mona Lisa’s smile in sepia tones, hand-rolled edges.',
          zh: '90 × 90 厘米真丝斜纹方巾，里昂印制：棕褐色调的蒙娜丽莎微笑，手工卷边。',
        },
        imageUrls: [image('maison-demo-joconde-scarf-1'), image('maison-demo-joconde-scarf-2')],
        artworkIds: [works.get('INV 779')!],
        category: 'scarves',
        crossBorderCategory: 'APPAREL',
        targetRetailPrice: { amount: 18_500, currency: 'EUR' },
        specification: { hsCode: '621410', weightGrams: 110, originCountry: 'FR' },
        ...offer(1_500, 1_200, 600_000, 150_000),
      },
    });
    await submissions.submit(partner, p.id);
    await approve(p.id, 'Concept approved: go ahead with a pre-production sample.');
    await submissions.submit(partner, p.id);
    await approve(p.id, 'Colours and hem approved; send the final sample with its care label.');
    await submissions.submit(partner, p.id);
    await approve(p.id, 'Final sample approved. Welcome to the Louvre shop!');
    scarf = { id: p.id };
  }

  // 2. A draft the brand is still writing (incomplete: cannot be submitted yet).
  if (!(await existing(DEMO_PROPOSALS.candle.en)) && works.get('Ma 2369')) {
    await drafts.create(partner, {
      museumId: louvreId,
      content: {
        title: { fr: 'Bougie parfumée Victoire de Samothrace', en: DEMO_PROPOSALS.candle.en, zh: '胜利女神香薰蜡烛' },
        concept: { fr: 'Bougie en cire végétale, notes de figue et de pierre chaude.', en: 'Plant-wax candle, notes of fig and sun-warmed stone.', zh: '植物蜡蜡烛，无花果与暖石香调。' },
        artworkIds: [works.get('Ma 2369')!],
        category: 'home',
        crossBorderCategory: 'HOMEWARE',
      },
    });
  }

  // 3. Submitted, waiting for the Louvre's concept review.
  if (!(await existing(DEMO_PROPOSALS.tote.en)) && works.get('RF 129')) {
    const p = await drafts.create(partner, {
      museumId: louvreId,
      content: {
        title: { fr: 'Tote bag La Liberté guidant le peuple', en: DEMO_PROPOSALS.tote.en, zh: '自由引导人民帆布包' },
        concept: {
          fr: 'Toile de coton bio 340 g, le drapeau de Delacroix brodé en relief, anses en cuir végétal.',
          en: 'Heavy organic cotton canvas, Delacroix’s flag embroidered in relief, vegetable-tanned leather handles.',
          zh: '有机棉厚帆布，德拉克洛瓦的旗帜立体刺绣，植鞣皮提手。',
        },
        imageUrls: [image('maison-demo-liberty-tote-1')],
        artworkIds: [works.get('RF 129')!],
        category: 'bags',
        crossBorderCategory: 'GENERAL',
        targetRetailPrice: { amount: 6_900, currency: 'EUR' },
        specification: { hsCode: '420222', weightGrams: 320, originCountry: 'PT' },
        ...offer(3_000, 1_000, 300_000, 50_000),
      },
    });
    await submissions.submit(partner, p.id);
  }

  // 4. Changes requested at the concept stage, with the museum's comment.
  if (!(await existing(DEMO_PROPOSALS.plate.en)) && works.get('Ma 399')) {
    const p = await drafts.create(partner, {
      museumId: louvreId,
      content: {
        title: { fr: 'Assiette en porcelaine Vénus de Milo', en: DEMO_PROPOSALS.plate.en, zh: '米洛的维纳斯瓷盘' },
        concept: { fr: 'Porcelaine de Limoges, 27 cm, la Vénus en grisaille.', en: 'Limoges porcelain, 27 cm, Venus in grisaille.', zh: '利摩日瓷，27 厘米，灰色单色画维纳斯。' },
        imageUrls: [image('maison-demo-venus-plate-1')],
        artworkIds: [works.get('Ma 399')!],
        category: 'tableware',
        crossBorderCategory: 'HOMEWARE',
        targetRetailPrice: { amount: 9_500, currency: 'EUR' },
        specification: { hsCode: '691110', weightGrams: 650, originCountry: 'FR' },
        ...offer(8_000, 1_100, 400_000, 80_000),
      },
    });
    await submissions.submit(partner, p.id);
    await reviews.review(manager, { id: p.id, decision: 'REQUEST_CHANGES', comment: CHANGES_COMMENT });
  }

  // The co-branded product of the approved proposal: on sale at the Louvre, shipped by the brand.
  const agreement = scarf ? await prisma.licenceAgreement.findUnique({ where: { proposalId: scarf.id }, select: { id: true, products: { select: { productId: true } } } }) : null;
  const productId = agreement?.products[0]?.productId;
  if (!productId) return null;
  const variant = await prisma.productVariant.findFirst({ where: { productId }, orderBy: { position: 'asc' }, select: { id: true } });
  if (!variant) return null;
  const product = await prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { status: true, publishedAt: true } });
  // Published once, on the first run; a later unpublish by hand is respected.
  if (product.status === 'DRAFT' && product.publishedAt === null) await app.get(LicensedProductsService).publish(manager, productId);

  const locationId = brandLocationId(DEMO_BRAND_SLUG, BRAND_LOCATION.code);
  await prisma.stockLocation.createMany({ data: [{ id: locationId, brandId: brand.id, ...BRAND_LOCATION }], skipDuplicates: true });
  const location = await prisma.stockLocation.findUniqueOrThrow({ where: { brandId_code: { brandId: brand.id, code: BRAND_LOCATION.code } }, select: { id: true } });
  await writeReceipts(prisma, [{ locationId: location.id, variantId: variant.id, onHand: 60 }], 'demo-opening-stock');
  return { productId, variantId: variant.id, brandId: brand.id, locationId: location.id };
}
