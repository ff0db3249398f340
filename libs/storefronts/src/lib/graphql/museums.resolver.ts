import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, byKeys, pageSize, toPage, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { NotFoundError } from '@vitrine/shared/kernel';
import { MuseumsService } from '../application/museums.service';
import type { StorefrontRow } from '../infrastructure/storefront.repository';
import { toManagedMuseum, toManagedStorefront } from './storefronts.mappers';
import { slugCursor } from './storefronts.resolver';
import { CreateMuseumInput, ManagedMuseumType, ManagedStorefrontType, MuseumPage, UpdateMuseumInput, UpdateStorefrontInput } from './storefronts.types';

/** Museums and storefronts in the back office. */
@Resolver(() => ManagedMuseumType)
export class MuseumsResolver {
  constructor(private readonly service: MuseumsService) {}

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Query(() => MuseumPage, { description: 'Museums the caller manages (an operator: all), by slug.' })
  async museums(@CurrentActor() actor: Actor, @Args() args: PageArgs, @Args('search', { type: () => String, nullable: true }) search?: string) {
    const take = pageSize(args.first);
    const { rows, total } = await this.service.list(actor, { take, afterSlug: slugCursor(args.after), search });
    const page = toPage(rows, take, total, (r) => [r.slug]);
    return { ...page, nodes: page.nodes.map(toManagedMuseum) };
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Query(() => [ManagedMuseumType], { description: 'The first 100 museums the caller manages.' })
  async myMuseums(@CurrentActor() actor: Actor) {
    return (await this.service.list(actor, { take: 100, afterSlug: null })).rows.slice(0, 100).map(toManagedMuseum);
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Query(() => ManagedMuseumType)
  async museum(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toManagedMuseum(await this.service.get(actor, id));
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => ManagedMuseumType, { description: 'Operator: onboards a museum with a draft storefront.' })
  async createMuseum(@Args('input') input: CreateMuseumInput) {
    return toManagedMuseum(await this.service.create(input));
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => ManagedMuseumType)
  async updateMuseum(@Args('input') input: UpdateMuseumInput) {
    return toManagedMuseum(await this.service.update(input));
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Query(() => ManagedStorefrontType)
  async managedStorefront(@CurrentActor() actor: Actor, @Args('museumId', { type: () => ID }) museumId: string) {
    return toManagedStorefront(await this.service.storefront(actor, museumId));
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Mutation(() => ManagedStorefrontType, { description: 'Names and story per locale, banner, featured collections, status.' })
  async updateStorefront(@CurrentActor() actor: Actor, @Args('input') input: UpdateStorefrontInput) {
    return toManagedStorefront(await this.service.updateStorefront(actor, input));
  }

  @ResolveField(() => ManagedStorefrontType)
  async storefront(@Parent() museum: ManagedMuseumType, @Context() ctx: RequestContext) {
    const actor = ctx.actor;
    const row = await ctx.loaders
      .get<string, StorefrontRow | null>('storefronts.managedByMuseum', async (ids) =>
        actor ? byKeys(ids, await this.service.storefrontsForActor(actor, ids), (s) => s.museumId) : ids.map(() => null),
      )
      .load(museum.id);
    if (!row) throw new NotFoundError('Storefront');
    return toManagedStorefront(row);
  }
}
