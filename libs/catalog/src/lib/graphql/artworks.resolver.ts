import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, pageSize, toPage, type Actor } from '@vitrine/shared/graphql';
import { ArtworksService } from '../application/artworks.service';
import { toManagedArtwork } from './catalog.mappers';
import { CreateArtworkInput, ManagedArtworkPage, ManagedArtworkType, UpdateArtworkInput } from './catalog.types';
import { keyCursor } from './cursors';

/** Works of a museum's collection, in its back office. */
@Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
@Resolver(() => ManagedArtworkType)
export class ArtworksResolver {
  constructor(private readonly artworks: ArtworksService) {}

  @Query(() => ManagedArtworkPage, { description: 'Works of one museum, by accession number.' })
  async artworksOfMuseum(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID }) museumId: string,
    @Args() args: PageArgs,
    @Args('search', { type: () => String, nullable: true }) search?: string,
  ) {
    const take = pageSize(args.first);
    const { rows, total } = await this.artworks.list(actor, { museumId, take, after: keyCursor(args.after), search });
    const page = toPage(rows, take, total, (r) => [r.accessionNumber, r.id]);
    return { ...page, nodes: page.nodes.map(toManagedArtwork) };
  }

  @Query(() => ManagedArtworkType)
  async managedArtwork(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toManagedArtwork(await this.artworks.get(actor, id));
  }

  @Mutation(() => ManagedArtworkType)
  async createArtwork(@CurrentActor() actor: Actor, @Args('input') input: CreateArtworkInput) {
    return toManagedArtwork(await this.artworks.create(actor, input));
  }

  @Mutation(() => ManagedArtworkType)
  async updateArtwork(@CurrentActor() actor: Actor, @Args('input') input: UpdateArtworkInput) {
    return toManagedArtwork(await this.artworks.update(actor, input));
  }

  @Mutation(() => Boolean, { description: 'Deletes a work; products inspired by it no longer credit it.' })
  deleteArtwork(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.artworks.delete(actor, id);
  }
}
