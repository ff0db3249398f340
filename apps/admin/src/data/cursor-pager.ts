/**
 * react-admin pages by number; the API pages by cursor. We remember, per list query
 * (resource, filter, sort, scope), the cursor found at each item offset we have passed.
 * A page jump starts from the nearest known offset at or before the target and walks
 * forward in steps of up to 100 items asking only for ids, so reaching page 40 of a
 * 25-per-page list costs ten light requests, not forty full ones. Offsets are absolute,
 * so the cache survives changes of perPage. It expires after a while and is dropped on
 * any write to the resource, since inserts and deletes shift every offset.
 */
export interface CursorPage<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}
export interface IdNode {
  id: string;
}
/**
 * A node of a list query whose record fields are asked for with `@include(if: $full)`: its id
 * always, the fragment's fields only when `$full` was true (so codegen types them optional).
 */
export type ListNode<T> = IdNode & Partial<T>;

/**
 * A list's two fetches of `first` items after `after`: ids only, for the pager's walk to a far
 * page, and whole records, for the page shown.
 */
export interface FetchPage<T> {
  ids(first: number, after: string | null): Promise<CursorPage<IdNode>>;
  full(first: number, after: string | null): Promise<CursorPage<T>>;
}

/**
 * Narrows a page fetched with `$full` true to whole records, checking that every node carries
 * `field`, a field of the list's record fragment (present, possibly null, exactly when the
 * fragment was included). A node without it means the query did not include the fragment, a
 * programming error, reported with the list's and the field's names.
 */
export function fullPage<T extends IdNode>(
  list: string,
  field: Exclude<keyof T, 'id'> & string,
  page: CursorPage<ListNode<T>>,
): CursorPage<T> {
  const { nodes } = page;
  if (!nodes.every((n): n is ListNode<T> & T => field in n)) {
    const bare = nodes.find((n) => !(field in n));
    throw new Error(
      `${list}: node ${bare?.id} came back without "${field}"; the list query did not include its record fragment`,
    );
  }
  return { ...page, nodes };
}

/**
 * A list's FetchPage from one query sender: `query(first, after, full)` sends the list query
 * with `$full`; full pages are narrowed by fullPage on `field`.
 */
export function listQuery<T extends IdNode>(
  list: string,
  field: Exclude<keyof T, 'id'> & string,
  query: (first: number, after: string | null, full: boolean) => Promise<CursorPage<ListNode<T>>>,
): FetchPage<T> {
  return {
    ids: (first, after) => query(first, after, false),
    full: async (first, after) => fullPage(list, field, await query(first, after, true)),
  };
}

export const MAX_PAGE = 100;
const TTL_MS = 2 * 60_000;

interface Entry {
  createdAt: number;
  offsets: Map<number, string | null>;
}

export class CursorPager {
  private readonly entries = new Map<string, Entry>();

  invalidate(resource: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${resource}|`)) this.entries.delete(key);
  }

  private entry(key: string): Entry {
    const found = this.entries.get(key);
    if (found && Date.now() - found.createdAt < TTL_MS) return found;
    const fresh: Entry = { createdAt: Date.now(), offsets: new Map([[0, null]]) };
    this.entries.set(key, fresh);
    return fresh;
  }

  async page<T>(
    resource: string,
    scope: unknown,
    page: number,
    perPage: number,
    fetchPage: FetchPage<T>,
  ): Promise<{ data: T[]; total: number; hasNextPage: boolean }> {
    const entry = this.entry(`${resource}|${JSON.stringify(scope)}`);
    const target = Math.max(0, (page - 1) * perPage);
    let offset = 0;
    for (const known of entry.offsets.keys()) if (known <= target && known > offset) offset = known;
    let cursor = entry.offsets.get(offset) ?? null;
    let total = 0;

    while (offset < target) {
      const step = Math.min(MAX_PAGE, target - offset);
      const r = await fetchPage.ids(step, cursor);
      total = r.totalCount;
      if (r.nodes.length < step || !r.pageInfo.hasNextPage) {
        // The list is shorter than the page asked for.
        return { data: [], total, hasNextPage: false };
      }
      offset += step;
      cursor = r.pageInfo.endCursor;
      entry.offsets.set(offset, cursor);
    }

    const data: T[] = [];
    let hasNextPage = true;
    while (data.length < perPage && hasNextPage) {
      const r = await fetchPage.full(Math.min(MAX_PAGE, perPage - data.length), cursor);
      total = r.totalCount;
      data.push(...r.nodes);
      hasNextPage = r.pageInfo.hasNextPage;
      cursor = r.pageInfo.endCursor;
      entry.offsets.set(offset + data.length, cursor);
      if (r.nodes.length === 0) break;
    }
    return { data, total, hasNextPage };
  }
}

export const pager = new CursorPager();
