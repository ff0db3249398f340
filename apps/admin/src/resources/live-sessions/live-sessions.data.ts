import { gql } from '../../api/graphql';
import type { ResourceHandler } from '../../data/resource-handler';
import { getCurrentMuseumId, requireMuseumId } from '../../museum/current-museum';

export interface LiveProduct {
  productId: string;
  name: string;
  priceMinor: number;
  currency: string;
  available: number;
}
export interface LiveFlash {
  productId: string;
  priceMinor: number;
  startsAt: string;
  endsAt: string;
}
export interface LiveSales {
  productId: string;
  name: string;
  orders: number;
  units: number;
  revenueMinor: number;
}
export interface LiveSessionRecord {
  id: string;
  museumId: string;
  title: string;
  streamUrl: string;
  startsAt: string;
  endsAt: string;
  phase: 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';
  pinnedProductId: string | null;
  productIds: string[];
  products?: LiveProduct[];
  flashPrices?: LiveFlash[];
  announcements?: { id: string; body: string; createdAt: string }[];
  sales?: LiveSales[];
}

const LIST_FIELDS = 'id museumId title streamUrl startsAt endsAt phase pinnedProductId productIds';
const FIELDS = `${LIST_FIELDS}
  products { productId name priceMinor currency available }
  flashPrices { productId priceMinor startsAt endsAt }
  announcements { id body createdAt }
  sales { productId name orders units revenueMinor }`;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v ? new Date(String(v)).toISOString() : v);

export const liveSessionsData: ResourceHandler = {
  async getList() {
    const r = await gql<{ managedLiveSessions: LiveSessionRecord[] }>(`query { managedLiveSessions(first: 100) { ${LIST_FIELDS} } }`);
    const museumId = getCurrentMuseumId();
    const data = museumId ? r.managedLiveSessions.filter((s) => s.museumId === museumId) : r.managedLiveSessions;
    return { data, total: data.length };
  },
  async getOne({ id }) {
    const r = await gql<{ managedLiveSession: LiveSessionRecord }>(`query LiveSession($id: ID!) { managedLiveSession(id: $id) { ${FIELDS} } }`, { id });
    return { data: r.managedLiveSession };
  },
  async create({ data }) {
    const r = await gql<{ scheduleLiveSession: LiveSessionRecord }>(
      `mutation Schedule($input: ScheduleLiveSessionInput!) { scheduleLiveSession(input: $input) { ${LIST_FIELDS} } }`,
      {
        input: {
          museumId: requireMuseumId(data.museumId),
          title: data.title ?? '',
          streamUrl: data.streamUrl ?? '',
          startsAt: iso(data.startsAt),
          endsAt: iso(data.endsAt),
          productIds: data.productIds ?? [],
        },
      },
    );
    return { data: r.scheduleLiveSession };
  },
  /** Title, link and times, then the bag if it changed: two mutations, each refused whole. */
  async update({ id, data, previousData }) {
    const prev = previousData as LiveSessionRecord;
    const r = await gql<{ updateLiveSession: LiveSessionRecord }>(
      `mutation UpdateLiveSession($input: UpdateLiveSessionInput!) { updateLiveSession(input: $input) { ${LIST_FIELDS} } }`,
      { input: { sessionId: id, title: data.title, streamUrl: data.streamUrl, startsAt: iso(data.startsAt), endsAt: iso(data.endsAt) } },
    );
    const bag: string[] = data.productIds ?? [];
    if (bag.join() === prev.productIds.join()) return { data: r.updateLiveSession };
    const b = await gql<{ setLiveSessionBag: LiveSessionRecord }>(`mutation Bag($input: SetLiveSessionBagInput!) { setLiveSessionBag(input: $input) { ${LIST_FIELDS} } }`, {
      input: { sessionId: id, productIds: bag },
    });
    return { data: b.setLiveSessionBag };
  },
};

export const cancelLiveSession = (sessionId: string) =>
  gql(`mutation CancelLiveSession($input: CancelLiveSessionInput!) { cancelLiveSession(input: $input) { id phase } }`, { input: { sessionId } });

export const pinProduct = (sessionId: string, productId: string | null) =>
  gql(`mutation Pin($input: PinLiveProductInput!) { pinLiveProduct(input: $input) { id pinnedProductId } }`, { input: { sessionId, productId } });

export const startFlash = (sessionId: string, productId: string, priceMinor: number, minutes: number) =>
  gql(`mutation Flash($input: StartLiveFlashPriceInput!) { startLiveFlashPrice(input: $input) { productId priceMinor endsAt } }`, {
    input: { sessionId, productId, priceMinor, durationSeconds: minutes * 60 },
  });

export const postAnnouncement = (sessionId: string, body: string) =>
  gql(`mutation Announce($input: PostLiveAnnouncementInput!) { postLiveAnnouncement(input: $input) { id body } }`, { input: { sessionId, body } });
