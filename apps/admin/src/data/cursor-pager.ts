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
/** Fetches `first` items after `after`; with idsOnly, nodes may carry only their id. */
export type FetchPage<T> = (first: number, after: string | null, idsOnly: boolean) => Promise<CursorPage<T>>;

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
      const r = await fetchPage(step, cursor, true);
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
      const r = await fetchPage(Math.min(MAX_PAGE, perPage - data.length), cursor, false);
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
