import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@vitrine/shared/kernel';

// The pages themselves (sizes, cursors, toPage) are the kernel's; re-exported for the resolvers.
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCursor, encodeCursor, pageSize, toPage, type Page } from '@vitrine/shared/kernel';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor from a previous page’s pageInfo.endCursor.' })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}


/** A Relay-style page type: `Paginated(ProductSummary)` → `ProductSummaryPage`. */
export function Paginated<T>(item: Type<T>, name = `${item.name}Page`): Type<Page<T>> {
  @ObjectType(name)
  class PageType {
    @Field(() => [item])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return PageType as Type<Page<T>>;
}
