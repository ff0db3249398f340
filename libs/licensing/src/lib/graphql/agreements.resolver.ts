import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, byKeys, groupByKeys, pageSize, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { AgreementsService } from '../application/agreements.service';
import { BrowseLicensableWorksService } from '../application/browse-licensable-works.service';
import { LicensedProductsService, type ListingReason } from '../application/licensed-products.service';
import type { LicensedProductRow } from '../infrastructure/licensed-product.repository';
import { listingErrorResult, toAgreement, toArtwork, toLicensedProduct } from './licensing.mappers';
import {
  LicenceAgreementPage,
  LicenceAgreementType,
  LicensableArtworkPage,
  LicensedProductType,
  LicensingMuseumPage,
  LicensingMuseumType,
  ListingReasonType,
  PublishLicensedProductResult,
} from './licensing.types';
import { loadBrandName, loadMuseum } from './directory.loaders';
import { isText, isTime, keyCursor, pageOf } from './paging';

const PARTIES = ['PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER'] as const;

/** What brands may license: museums offering licensing and their licensable works. */
@Resolver()
export class LicensableWorksResolver {
  constructor(private readonly browse: BrowseLicensableWorksService) {}

  @Roles('PLATFORM_ADMIN', 'BRAND_PARTNER')
  @Query(() => LicensingMuseumPage, { description: 'Museums with an open storefront and works offered for licensing.' })
  async licensingMuseums(@Args() args: PageArgs) {
    const take = pageSize(args.first);
    const after = keyCursor(args.after, isText)?.[0] ?? null;
    const { rows, total } = await this.browse.museums(take, after);
    return pageOf(rows, take, total, (m) => [m.slug, m.id], (m) => ({
      id: m.id,
      slug: m.slug,
      name: { fr: m.nameFr, en: m.nameEn, zhCN: m.nameZh },
      licensableWorkCount: m.licensableWorks,
    }));
  }

  @Roles(...PARTIES)
  @Query(() => LicensableArtworkPage, { description: 'A museum’s works offered for licensing (a manager sees their own museum’s).' })
  async licensableArtworks(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID }) museumId: string,
    @Args() args: PageArgs,
    @Args('search', { type: () => String, nullable: true }) search?: string,
  ) {
    const take = pageSize(args.first);
    const { rows, total } = await this.browse.artworks(actor, { museumId, take, after: keyCursor(args.after, isText), search });
    return pageOf(rows, take, total, (a) => [a.accessionNumber, a.id], toArtwork);
  }
}

@Resolver(() => LicenceAgreementType)
export class AgreementsResolver {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly licensed: LicensedProductsService,
    private readonly browse: BrowseLicensableWorksService,
  ) {}

  @Roles(...PARTIES)
  @Query(() => LicenceAgreementPage, { description: 'Agreements of the caller’s brand or museums (all for an operator), newest first.' })
  async licenceAgreements(@CurrentActor() actor: Actor, @Args() args: PageArgs) {
    const take = pageSize(args.first);
    const { rows, total } = await this.agreements.list(actor, { take, after: keyCursor(args.after, isTime) });
    return pageOf(rows, take, total, (a) => [a.createdAt.toISOString(), a.id], toAgreement);
  }

  @Roles(...PARTIES)
  @Query(() => LicenceAgreementType)
  async licenceAgreement(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toAgreement(await this.agreements.get(actor, id));
  }

  @ResolveField(() => [LicensedProductType], { description: 'The co-branded products made under it.' })
  async products(@Parent() a: LicenceAgreementType, @Context() ctx: RequestContext) {
    const rows = await ctx.loaders
      .get<string, LicensedProductRow[]>('licensing.productsByAgreement', async (ids) => groupByKeys(ids, await this.licensed.ofAgreements(ids), (p) => p.agreementId))
      .load(a.id);
    return rows.map(toLicensedProduct);
  }

  @ResolveField(() => LicensingMuseumType, { nullable: true, description: 'The licensing museum, for display.' })
  museum(@Parent() a: LicenceAgreementType, @Context() ctx: RequestContext) {
    return loadMuseum(ctx, this.browse, a.museumId);
  }

  @ResolveField(() => String, { nullable: true, description: 'The licensee brand’s name, for display.' })
  brandName(@Parent() a: LicenceAgreementType, @Context() ctx: RequestContext) {
    return loadBrandName(ctx, this.browse, a.brandId);
  }
}

@Resolver(() => LicensedProductType)
export class LicensedProductsResolver {
  constructor(private readonly products: LicensedProductsService) {}

  @Roles(...PARTIES)
  @Query(() => LicensedProductType)
  async licensedProduct(@CurrentActor() actor: Actor, @Args('productId', { type: () => ID }) productId: string) {
    return toLicensedProduct(await this.products.get(actor, productId));
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Mutation(() => PublishLicensedProductResult, { description: 'The museum lists a co-branded product; refused outside the agreement (territory CN, channel, term, approval).' })
  async publishLicensedProduct(@CurrentActor() actor: Actor, @Args('productId', { type: () => ID }) productId: string) {
    try {
      return toLicensedProduct(await this.products.publish(actor, productId));
    } catch (e) {
      return listingErrorResult(e);
    }
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER')
  @Mutation(() => LicensedProductType)
  async unpublishLicensedProduct(@CurrentActor() actor: Actor, @Args('productId', { type: () => ID }) productId: string) {
    return toLicensedProduct(await this.products.unpublish(actor, productId));
  }

  @ResolveField(() => [ListingReasonType], { description: 'Why it may not be published today; empty when it may.' })
  async listingBlockers(@Parent() p: LicensedProductType, @Context() ctx: RequestContext) {
    const reasons = await ctx.loaders
      .get<string, ListingReason[] | null>('licensing.listingBlockers', async (ids) => {
        const rows = await this.products.byProductIds(ids);
        const all = await this.products.reasonsNotListableMany(rows);
        return byKeys(ids, rows.map((r, i) => ({ id: r.productId, reasons: all[i]! })), (x) => x.id).map((x) => x?.reasons ?? null);
      })
      .load(p.productId);
    return (reasons ?? []).map((r) => ({ ...r, path: r.path ?? null }));
  }
}
