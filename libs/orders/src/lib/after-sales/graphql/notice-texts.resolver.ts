import { Args, Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@vitrine/shared/graphql';
import { ReturnQueriesService } from '../application/return-queries.service';
import { returnNoticeText, textLocale, textParams } from '../domain/return-texts';
import { ShopperNoticeType } from './returns.types';

/**
 * A shopper's notice about a return is stored as its kind and parameters: its message is
 * written here in the reader's language. Other notices (drops, stock) keep the message they
 * were written with.
 */
@Resolver(() => ShopperNoticeType)
export class NoticeTextsResolver {
  constructor(private readonly queries: ReturnQueriesService) {}

  @ResolveField(() => String, { description: 'The notice in `locale` (en, fr, zh-CN), else in the request’s Accept-Language, else English.' })
  async message(@Parent() n: ShopperNoticeType, @Context() ctx: RequestContext, @Args('locale', { type: () => String, nullable: true }) locale?: string | null): Promise<string> {
    if (!n.returnId || n.message) return n.message;
    const loader = ctx.loaders.get<string, unknown>('notices.params', async (ids) => {
      const params = await this.queries.noticeParams(ids.map((id) => BigInt(id)));
      return ids.map((id) => params.get(id) ?? {});
    });
    return returnNoticeText(n.kind, textParams(await loader.load(n.id)), textLocale(locale ?? ctx.req?.headers?.['accept-language']));
  }

  @ResolveField(() => ID, { nullable: true, description: 'The product of the variant it is about (BACK_IN_STOCK, drops), to link to.' })
  async productId(@Parent() n: ShopperNoticeType, @Context() ctx: RequestContext): Promise<string | null> {
    if (!n.variantId) return null;
    const loader = ctx.loaders.get<string, string | null>('notices.productId', async (ids) => {
      const products = await this.queries.productIdsOfVariants(ids);
      return ids.map((id) => products.get(id) ?? null);
    });
    return loader.load(n.variantId);
  }
}
