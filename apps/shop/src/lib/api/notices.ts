// The signed-in shopper's notices (return steps, drops, back in stock): myNotices pages by
// keyset (`after` = the last notice id seen), unreadNoticeCount for the header's badge,
// markNoticesRead when the notices page shows them.
import type { ShopLocale } from '../../i18n/locales';
import { gql, gqlRequest } from './client';
import { isSignedIn } from './session';

export interface ShopperNotice {
  id: string;
  kind: string;
  /** Written by the API in the page's language from the notice's code and parameters (every kind). */
  message: string;
  at: string;
  readAt: string | null;
  orderId: string | null;
  returnId: string | null;
  dropId: string | null;
  productId: string | null;
  variantId: string | null;
}

export const NOTICES_PAGE_SIZE = 20;

export async function myNotices(locale: ShopLocale, after: string | null): Promise<ShopperNotice[]> {
  return (
    await gql<{ myNotices: ShopperNotice[] }>(
      `query MyNotices($first: Int, $after: ID, $locale: String) { myNotices(first: $first, after: $after) { id kind message(locale: $locale) at readAt orderId returnId dropId productId variantId } }`,
      { first: NOTICES_PAGE_SIZE, after, locale },
    )
  ).myNotices;
}

export async function markNoticesRead(ids: string[]): Promise<void> {
  if (ids.length) await gql(`mutation MarkNoticesRead($ids: [ID!]!) { markNoticesRead(ids: $ids) { id } }`, { ids });
}

/** Unread notices of the signed-in shopper; 0 for a guest (no API call) or when the API cannot say. */
export async function unreadNoticeCount(): Promise<number> {
  if (!(await isSignedIn())) return 0;
  try {
    const { data } = await gqlRequest<{ unreadNoticeCount: number }>(`query UnreadNotices { unreadNoticeCount }`, {});
    return data?.unreadNoticeCount ?? 0;
  } catch {
    return 0;
  }
}
