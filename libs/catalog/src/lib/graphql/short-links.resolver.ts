import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '@vitrine/shared/graphql';
import { ShortLinksService } from '../application/short-links.service';
import { ProductType } from './catalog.types';

@Resolver(() => ProductType)
export class ShortLinksResolver {
  constructor(private readonly links: ShortLinksService) {}

  @Public()
  @Query(() => ID, { description: 'The product a short link code names (`/p/<code>`, shelf-label QR codes): published in an open storefront, else NOT_FOUND.' })
  productIdByShortCode(@Args('code', { type: () => String }) code: string): Promise<string> {
    return this.links.productIdOf(code);
  }

  @ResolveField(() => String, { description: 'Short link code of this product (11 characters, derived from its id): the shop serves it at /p/<code>.' })
  shortCode(@Parent() product: ProductType): string {
    return this.links.codeOf(product.id);
  }
}
