import { Args, Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@vitrine/shared/graphql';
import { dropNoticeText, nameFor } from '../../drops/domain/drop-notice-texts';
import { ReturnQueriesService } from '../application/return-queries.service';
import { noticeLocale, returnNoticeText, textParams } from '../domain/return-texts';
import { ShopperNoticeType } from './returns.types';

type VariantFacts = { productId: string; name: { fr: string; en: string; zh: string } } | null;

/**
 * A shopper's notice is stored as its kind and parameters: its message is written here in the
 * reader's language (a return step by after-sales' return-texts; a drop or back-in-stock notice
 * by drops' drop-notice-texts, naming the item in that language). A row still holding a
 * sentence (a kind the backfill did not know) is shown as written.
 */
@Resolver(() => ShopperNoticeType)
export class NoticeTextsResolver {
  constructor(private readonly queries: ReturnQueriesService) {}

  @ResolveField(() => String, { description: 'The notice in `locale` (en, fr, zh-CN), else in the request’s Accept-Language, else in the language its order was placed in, else zh-CN.' })
  async message(@Parent() n: ShopperNoticeType, @Context() ctx: RequestContext, @Args('locale', { type: () => String, nullable: true }) locale?: string | null): Promise<string> {
    if (n.message) return n.message;
    const loader = ctx.loaders.get<string, { params: unknown; orderLocale: string | null }>('notices.params', async (ids) => {
      const params = await this.queries.noticeParams(ids.map((id) => BigInt(id)));
      return ids.map((id) => params.get(id) ?? { params: {}, orderLocale: null });
    });
    const notice = await loader.load(n.id);
    const lang = noticeLocale(locale ?? ctx.req?.headers?.['accept-language'], notice.orderLocale);
    const params = textParams(notice.params);
    if (n.returnId) return returnNoticeText(n.kind, params, lang);
    const variant = n.variantId ? await this.variant(ctx, n.variantId) : null;
    return dropNoticeText(n.kind, params, lang, variant ? nameFor(lang, variant.name) : '');
  }

  @ResolveField(() => ID, { nullable: true, description: 'The product of the variant it is about (BACK_IN_STOCK, drops), to link to.' })
  async productId(@Parent() n: ShopperNoticeType, @Context() ctx: RequestContext): Promise<string | null> {
    return n.variantId ? ((await this.variant(ctx, n.variantId))?.productId ?? null) : null;
  }

  /** The variant's product (id and names), one statement for a page of notices. */
  private variant(ctx: RequestContext, variantId: string): Promise<VariantFacts> {
    const loader = ctx.loaders.get<string, VariantFacts>('notices.variants', async (ids) => {
      const products = await this.queries.productsOfVariants(ids);
      return ids.map((id) => products.get(id) ?? null);
    });
    return loader.load(variantId);
  }
}
