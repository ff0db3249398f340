import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@vitrine/shared/graphql';
import { PositiveListService } from '../application/positive-list.service';
import { PositiveListEntryInput, PositiveListEntryType } from './catalog.types';

@Resolver(() => PositiveListEntryType)
export class PositiveListResolver {
  constructor(private readonly entries: PositiveListService) {}

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Query(() => [PositiveListEntryType], { description: 'The cross-border positive list, by HS prefix.' })
  positiveList() {
    return this.entries.list();
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => PositiveListEntryType, { description: 'Operator: allows an HS prefix (or renames it).' })
  setPositiveListEntry(@Args('input') input: PositiveListEntryInput) {
    return this.entries.set(input);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => Boolean, { description: 'Operator: removes an HS prefix; published products stay listed until edited.' })
  removePositiveListEntry(@Args('hsPrefix', { type: () => String }) hsPrefix: string) {
    return this.entries.remove(hsPrefix);
  }
}
