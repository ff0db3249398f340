import { gql } from '../../api/graphql';
import { listQuery, pager, type FetchPage } from '../../data/cursor-pager';
import { localDayStart } from '../../data/local-day';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { LiveSessionFieldsFragment, LiveSessionPhase, ManagedLiveSessionQuery } from '../../generated/graphql';
import { getCurrentMuseumId, requireMuseumId } from '../../museum/current-museum';

type ManagedLiveSession = ManagedLiveSessionQuery['managedLiveSession'];
export type LiveProduct = ManagedLiveSession['products'][number];
export type LiveFlash = ManagedLiveSession['flashPrices'][number];
export type LiveSales = ManagedLiveSession['sales'][number];
/** A list row (LiveSessionFields), or the host's page with the bag, flash prices, announcements and sales. */
export type LiveSessionRecord = LiveSessionFieldsFragment & Partial<Pick<ManagedLiveSession, 'products' | 'flashPrices' | 'announcements' | 'sales'>>;

graphql(`
  fragment LiveSessionFields on LiveSession { id museumId title streamUrl startsAt endsAt phase pinnedProductId productIds }
`);
// Filtered and paged by the API; without `full`, ids only (the pager's walks).
const MANAGED_LIVE_SESSIONS = graphql(`
  query ManagedLiveSessions($museumId: ID, $filter: LiveSessionFilterInput, $first: Int, $after: String, $full: Boolean!) {
    managedLiveSessions(museumId: $museumId, filter: $filter, first: $first, after: $after) {
      nodes { id ...LiveSessionFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
const MANAGED_LIVE_SESSION = graphql(`
  query ManagedLiveSession($id: ID!) {
    managedLiveSession(id: $id) {
      ...LiveSessionFields
      products { productId name priceMinor currency available }
      flashPrices { productId priceMinor startsAt endsAt }
      announcements { id body createdAt }
      sales { productId name orders units revenueMinor }
    }
  }
`);
const LIVE_STREAM_URL_CHECK = graphql(`
  query LiveStreamUrlCheck($url: String!) { liveStreamUrlCheck(url: $url) { player { kind platform } problem } }
`);
const SCHEDULE_LIVE_SESSION = graphql(`
  mutation ScheduleLiveSession($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { ...LiveSessionFields } }
`);
const UPDATE_LIVE_SESSION = graphql(`
  mutation UpdateLiveSession($input: UpdateLiveSessionInput!) { updateLiveSession(input: $input) { ...LiveSessionFields } }
`);
const SET_LIVE_SESSION_BAG = graphql(`
  mutation SetLiveSessionBag($input: SetLiveSessionBagInput!) { setLiveSessionBag(input: $input) { ...LiveSessionFields } }
`);
const CANCEL_LIVE_SESSION = graphql(`
  mutation CancelLiveSession($input: CancelLiveSessionInput!) { cancelLiveSession(input: $input) { id phase } }
`);
const PIN_LIVE_PRODUCT = graphql(`
  mutation PinLiveProduct($input: PinLiveProductInput!) { pinLiveProduct(input: $input) { id pinnedProductId } }
`);
const START_LIVE_FLASH_PRICE = graphql(`
  mutation StartLiveFlashPrice($input: StartLiveFlashPriceInput!) { startLiveFlashPrice(input: $input) { productId priceMinor endsAt } }
`);
const POST_LIVE_ANNOUNCEMENT = graphql(`
  mutation PostLiveAnnouncement($input: PostLiveAnnouncementInput!) { postLiveAnnouncement(input: $input) { id body } }
`);

/** A form's date as the API's instant; nothing when the field is empty (an update leaves it as it was). */
const iso = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString() : v ? new Date(String(v)).toISOString() : undefined);

export const LIVE_PHASES = ['SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED'] as const satisfies readonly LiveSessionPhase[];

/** The list's filter form as the API's: the phase now, and the days of the start (both included). */
export function liveSessionFilter(f: Record<string, unknown> | undefined) {
  const v = f ?? {};
  return {
    phase: LIVE_PHASES.includes(v['phase'] as LiveSessionPhase) ? (v['phase'] as LiveSessionPhase) : null,
    startsFrom: localDayStart(v['startsFrom']),
    startsBefore: localDayStart(v['startsTo'], 1),
  };
}

const pageOf =
  (museumId: string | null, filter: ReturnType<typeof liveSessionFilter>): FetchPage<LiveSessionRecord> =>
  listQuery<LiveSessionRecord>('managedLiveSessions', 'museumId', async (first, after, full) => {
    const r = await gql(MANAGED_LIVE_SESSIONS, { museumId, filter, first, after, full });
    return r.managedLiveSessions;
  });

export const liveSessionsData: ResourceHandler = {
  getList(params) {
    const museumId = getCurrentMuseumId();
    const filter = liveSessionFilter(params.filter);
    return cursorList('liveSessions', params, { museumId, ...filter }, pageOf(museumId, filter));
  },
  async getOne({ id }) {
    const r = await gql(MANAGED_LIVE_SESSION, { id: String(id) });
    return { data: r.managedLiveSession };
  },
  async create({ data }) {
    const r = await gql(
      SCHEDULE_LIVE_SESSION,
      {
        input: {
          museumId: requireMuseumId(data.museumId),
          title: data.title ?? '',
          streamUrl: data.streamUrl ?? '',
          // The form requires both times; the API refuses a session without them.
          startsAt: iso(data.startsAt) ?? '',
          endsAt: iso(data.endsAt) ?? '',
          productIds: data.productIds ?? [],
        },
      },
    );
    return { data: r.scheduleLiveSession };
  },
  /** Title, link and times, then the bag if it changed: two mutations, each refused whole. */
  async update({ id, data, previousData }) {
    const prev = previousData as LiveSessionRecord;
    const r = await gql(
      UPDATE_LIVE_SESSION,
      { input: { sessionId: String(id), title: data.title, streamUrl: data.streamUrl, startsAt: iso(data.startsAt), endsAt: iso(data.endsAt) } },
    );
    const bag: string[] = data.productIds ?? [];
    if (bag.join() === prev.productIds.join()) return { data: r.updateLiveSession };
    const b = await gql(SET_LIVE_SESSION_BAG, { input: { sessionId: String(id), productIds: bag } });
    return { data: b.setLiveSessionBag };
  },
};

export const cancelLiveSession = async (sessionId: string) => {
  const r = await gql(CANCEL_LIVE_SESSION, { input: { sessionId } });
  pager.invalidate('liveSessions');
  return r;
};

export const pinProduct = (sessionId: string, productId: string | null) =>
  gql(PIN_LIVE_PRODUCT, { input: { sessionId, productId } });

export const startFlash = (sessionId: string, productId: string, priceMinor: number, minutes: number) =>
  gql(START_LIVE_FLASH_PRICE, {
    input: { sessionId, productId, priceMinor, durationSeconds: minutes * 60 },
  });

export const postAnnouncement = (sessionId: string, body: string) =>
  gql(POST_LIVE_ANNOUNCEMENT, { input: { sessionId, body } });

/** What saving this stream URL would do: embedded (and by which player), a link, or refused (the API decides). */
export const checkStreamUrl = async (url: string) => (await gql(LIVE_STREAM_URL_CHECK, { url })).liveStreamUrlCheck;
