import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { ValidationError } from '@vitrine/shared/kernel';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 24;

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

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
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

/** Page size after validation: refuses anything over MAX_PAGE_SIZE rather than clamping silently. */
export function pageSize(first: number | undefined | null): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new ValidationError([{ path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}

/** Opaque cursors: base64url of a JSON tuple of the sort key and id. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): (string | number | null)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
}

/**
 * Builds a page from rows fetched with `take + 1` (the extra row only says whether a next
 * page exists) and the cursor tuple of a row.
 */
export function toPage<T>(rows: readonly T[], take: number, totalCount: number, cursorOf: (row: T) => (string | number | null)[]): Page<T> {
  const nodes = rows.slice(0, take);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > take, endCursor: last ? encodeCursor(cursorOf(last)) : null } };
}
