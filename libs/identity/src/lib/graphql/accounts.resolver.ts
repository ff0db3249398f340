import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, encodeCursor, decodeCursor, pageSize, type Actor } from '@vitrine/shared/graphql';
import { AccountsService } from '../application/accounts.service';
import {
  AccountDeletionRequestType,
  BrandPage,
  BrandType,
  CreateBrandInput,
  CreateUserInput,
  RoleGql,
  UpdateUserAccessInput,
  UserAccountPage,
  UserAccountType,
} from './identity.types';

function page<T>(rows: T[], take: number, total: number, cursorOf: (row: T) => string) {
  const nodes = rows.slice(0, take);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount: total, pageInfo: { hasNextPage: rows.length > take, endCursor: last ? encodeCursor([cursorOf(last)]) : null } };
}

@Resolver()
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Roles('SHOPPER')
  @Mutation(() => AccountDeletionRequestType, {
    description:
      'Deletes your shopper account: name and email anonymised and every session ended at once; the resident ID numbers stored for your orders are destroyed within 15 days ' +
      '(after customs released any order that still needs one). Your orders stay as the law requires, with the masked ID only. Asked again: the same request.',
  })
  requestAccountDeletion(@CurrentActor() actor: Actor) {
    return this.accounts.requestAccountDeletion(actor);
  }

  @Roles('PLATFORM_ADMIN')
  @Query(() => UserAccountPage, { description: 'Operator: every account.' })
  async users(
    @Args() args: PageArgs,
    @Args('role', { type: () => RoleGql, nullable: true }) role?: RoleGql,
    @Args('search', { type: () => String, nullable: true }) search?: string,
  ) {
    const take = pageSize(args.first);
    const after = decodeCursor(args.after, 1)?.[0] as string | undefined;
    const { rows, total } = await this.accounts.listUsers({ take, afterEmail: after, role, search });
    return page(rows, take, total, (u) => u.email);
  }

  @Roles('PLATFORM_ADMIN')
  @Query(() => UserAccountType, { description: 'Operator: one account.' })
  user(@Args('id', { type: () => ID }) id: string) {
    return this.accounts.user(id);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => UserAccountType)
  createUser(@Args('input') input: CreateUserInput) {
    return this.accounts.createUser(input);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => UserAccountType, { description: 'Operator: sets role, museums, brand, or disables.' })
  updateUserAccess(@Args('input') input: UpdateUserAccessInput) {
    return this.accounts.updateUserAccess(input);
  }

  @Roles('PLATFORM_ADMIN')
  @Query(() => BrandPage)
  async brands(@Args() args: PageArgs) {
    const take = pageSize(args.first);
    const after = decodeCursor(args.after, 1)?.[0] as string | undefined;
    const { rows, total } = await this.accounts.listBrands(take, after);
    return page(rows, take, total, (b) => b.slug);
  }

  @Roles('PLATFORM_ADMIN', 'BRAND_PARTNER')
  @Query(() => BrandType, { description: 'A brand: operators see any, a partner only their own.' })
  brand(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.accounts.brand(actor, id);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => BrandType)
  createBrand(@Args('input') input: CreateBrandInput) {
    return this.accounts.createBrand(input);
  }
}
