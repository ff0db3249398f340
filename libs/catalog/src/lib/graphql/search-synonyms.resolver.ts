import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@vitrine/shared/graphql';
import { SearchService } from '../application/search.service';
import { SearchSynonymGroupInput, SearchSynonymGroupType } from './catalog.types';

/** The operator's synonym dictionary of the product search. */
@Resolver(() => SearchSynonymGroupType)
export class SearchSynonymsResolver {
  constructor(private readonly search: SearchService) {}

  @Roles('PLATFORM_ADMIN')
  @Query(() => [SearchSynonymGroupType], { description: 'Operator: the search’s synonym groups.' })
  searchSynonymGroups() {
    return this.search.listGroups();
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => SearchSynonymGroupType, { description: 'Operator: adds a synonym group, or replaces the terms of one (id).' })
  setSearchSynonymGroup(@Args('input') input: SearchSynonymGroupInput) {
    return this.search.setGroup(input);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => Boolean, { description: 'Operator: removes a synonym group.' })
  removeSearchSynonymGroup(@Args('id', { type: () => ID }) id: string) {
    return this.search.removeGroup(id);
  }
}
