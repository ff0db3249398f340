import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { PageArgs, Roles, pageSize, toPage } from '@vitrine/shared/graphql';
import { FxRatesService } from '../application/fx-rates.service';
import { toFxRate } from './catalog.mappers';
import { FxRatePage, FxRateType, SetFxRateInput } from './catalog.types';
import { keyCursor } from './cursors';

@Resolver(() => FxRateType)
export class FxRatesResolver {
  constructor(private readonly fx: FxRatesService) {}

  @Roles('PLATFORM_ADMIN')
  @Query(() => FxRatePage, { description: 'Operator: rate history, newest first.' })
  async fxRates(
    @Args() args: PageArgs,
    @Args('base', { type: () => String, defaultValue: 'EUR' }) base: string,
    @Args('quote', { type: () => String, defaultValue: 'CNY' }) quote: string,
  ) {
    const take = pageSize(args.first);
    const { rows, total } = await this.fx.list({ base, quote, take, after: keyCursor(args.after) });
    const page = toPage(rows, take, total, (r) => [r.effectiveAt.toISOString(), r.id]);
    return { ...page, nodes: page.nodes.map(toFxRate) };
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Query(() => FxRateType, { description: 'The rate in force now.' })
  async currentFxRate(
    @Args('base', { type: () => String, defaultValue: 'EUR' }) base: string,
    @Args('quote', { type: () => String, defaultValue: 'CNY' }) quote: string,
  ) {
    const row = await this.fx.current(base, quote);
    if (!row) throw new NotFoundError('FX rate');
    return toFxRate(row);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => FxRateType, { description: 'Operator: records a rate; shopper prices follow within FX_RATE_CACHE_MS.' })
  async setFxRate(@Args('input') input: SetFxRateInput) {
    return toFxRate(await this.fx.set(input));
  }
}
