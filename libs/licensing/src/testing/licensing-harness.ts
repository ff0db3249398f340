import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataAccessModule, PrismaService } from '@vitrine/shared/data-access';
import { createBrand, createMuseum, createProduct } from '@vitrine/shared/testing';
import { Clock } from '../lib/application/clock';
import { LicensingCoreModule } from '../lib/licensing-core.module';
import { LicensedSalesSource } from '../lib/ports/licensed-sales.source';
import { TestLicensedSalesSource } from './sales-source';
import { addDays, type IsoDate } from '../lib/domain/periods';

/** A clock tests move by hand. */
export class FakeClock extends Clock {
  current = new Date();
  override now(): Date {
    return new Date(this.current);
  }
  set(iso: string | Date): void {
    this.current = new Date(iso);
  }
}

/** Orders binds the sales source in the apps (OrdersSourcesModule, global); licensing cannot import orders. */
@Global()
@Module({ providers: [{ provide: LicensedSalesSource, useClass: TestLicensedSalesSource }], exports: [LicensedSalesSource] })
class TestSalesSourceModule {}

/** Licensing's services on the suite's database (DATABASE_URL, set by createTestDatabase), with a fake clock. */
export async function licensingServices() {
  const clock = new FakeClock();
  const moduleRef = await Test.createTestingModule({ imports: [DataAccessModule, TestSalesSourceModule, LicensingCoreModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await moduleRef.init();
  return { moduleRef, clock, get: moduleRef.get.bind(moduleRef) as typeof moduleRef.get };
}

export interface AgreementSpec {
  royaltyRateBps: number;
  currency: 'EUR' | 'CNY';
  advanceMinor?: number;
  minimumGuaranteeMinor?: number;
  termStart: IsoDate;
  termEnd: IsoDate;
  sellOffDays?: number;
  territory?: string[];
  channels?: ('VITRINE_MARKETPLACE' | 'BRAND_ONLINE')[];
}

/**
 * An approved proposal, its agreement and one licensed product, written straight to the
 * database (the API path is covered by the e2e suite); for royalty and job tests.
 */
export async function seedAgreement(prisma: PrismaService, spec: AgreementSpec, over: { museumId?: string; brandId?: string; productStatus?: 'DRAFT' | 'PUBLISHED' } = {}) {
  const museumId = over.museumId ?? (await createMuseum(prisma)).id;
  const brandId = over.brandId ?? (await createBrand(prisma)).id;
  const user = await prisma.user.findFirst({ select: { id: true } });
  const authorId = user?.id ?? '00000000-0000-4000-8000-000000000000';
  const proposal = await prisma.licensingProposal.create({
    data: { museumId, brandId, status: 'APPROVED', stage: 'FINAL_SAMPLE', content: {}, approvedVersion: 1, firstSubmittedAt: new Date(), createdByUserId: authorId },
    select: { id: true },
  });
  const sellOffDays = spec.sellOffDays ?? 90;
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const agreement = await prisma.licenceAgreement.create({
    data: {
      proposalId: proposal.id,
      museumId,
      brandId,
      royaltyRateBps: spec.royaltyRateBps,
      currency: spec.currency,
      minimumGuaranteeMinor: spec.minimumGuaranteeMinor ?? 0,
      advanceMinor: spec.advanceMinor ?? 0,
      territory: spec.territory ?? ['CN'],
      channels: spec.channels ?? ['VITRINE_MARKETPLACE'],
      termStart: day(spec.termStart),
      termEnd: day(spec.termEnd),
      sellOffDays,
      sellOffEnd: day(addDays(spec.termEnd, sellOffDays)),
      approvedVersion: 1,
    },
    select: { id: true, proposalId: true },
  });
  const product = await createProduct(prisma, museumId, { status: over.productStatus ?? 'DRAFT', variants: [{ priceMinor: 5000, hsCode: '6214100000' }] });
  await prisma.licensedProduct.create({ data: { productId: product.id, agreementId: agreement.id, museumId, fulfilledByBrandId: brandId } });
  return { museumId, brandId, proposalId: proposal.id, agreementId: agreement.id, productId: product.id };
}
