import { Args, Query, Resolver } from '@nestjs/graphql';
import { Locale, PageArgs, Public, decodeCursor, pageSize, toPage } from '@vitrine/shared/graphql';
import { ValidationError } from '@vitrine/shared/kernel';
import { StorefrontsService } from '../application/storefronts.service';
import { toStorefront } from './storefronts.mappers';
import { StorefrontPage, StorefrontType } from './storefronts.types';

export function slugCursor(after: string | null | undefined): string | null {
  const values = decodeCursor(after, 1);
  if (values && typeof values[0] !== 'string') throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
  return (values?.[0] as string | undefined) ?? null;
}

/** Open storefronts, for shoppers. */
@Resolver(() => StorefrontType)
export class StorefrontsResolver {
  constructor(private readonly service: StorefrontsService) {}

  @Public()
  @Query(() => StorefrontPage, { description: 'Open storefronts, by slug.' })
  async storefronts(@Args() args: PageArgs, @Args('locale', { type: () => Locale, nullable: true }) locale?: Locale) {
    const take = pageSize(args.first);
    const { rows, total } = await this.service.listOpen(take, slugCursor(args.after));
    const page = toPage(rows, take, total, (r) => [r.slug]);
    return { ...page, nodes: page.nodes.map((r) => toStorefront(r, locale ?? Locale.zh_CN)) };
  }

  @Public()
  @Query(() => StorefrontType, { description: 'An open storefront; NOT_FOUND otherwise.' })
  async storefront(@Args('slug', { type: () => String }) slug: string, @Args('locale', { type: () => Locale, nullable: true }) locale?: Locale) {
    return toStorefront(await this.service.openBySlug(slug), locale ?? Locale.zh_CN);
  }
}

/** Root queries whose answers are the same for every anonymous shopper (the API may cache them briefly). */
export const PUBLIC_STOREFRONT_QUERIES = ['storefronts', 'storefront'] as const;
