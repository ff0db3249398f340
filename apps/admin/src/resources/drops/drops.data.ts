import { gql } from '../../api/graphql';
import { listQuery, pager, type FetchPage } from '../../data/cursor-pager';
import { localDayStart } from '../../data/local-day';
import { cursorList, type ResourceHandler } from '../../data/resource-handler';
import { graphql } from '../../generated';
import type { DropEntriesQuery, DropFieldsFragment } from '../../generated/graphql';
import { getCurrentMuseumId } from '../../museum/current-museum';

/** A drop as the API answers it (DropFields), with the edit form's pay window in minutes (the API answers payWindowSeconds). */
export type DropRecord = DropFieldsFragment & { payWindowMinutes?: number };

/** A drop that has not started can be changed; one not ended can be cancelled. */
export const canEditDrop = (d: Pick<DropRecord, 'status' | 'startsAt'>) => d.status === 'SCHEDULED' && new Date(d.startsAt).getTime() > Date.now();
export const canCancelDrop = (d: Pick<DropRecord, 'status'>) => d.status !== 'ENDED' && d.status !== 'CANCELLED';

export type DropEntryRecord = DropEntriesQuery['dropEntries'][number];

graphql(`
  fragment DropFields on Drop {
    id
    museumId
    variantId
    productId
    mode
    status
    startsAt
    registrationClosesAt
    editionSize
    perIdentityLimit
    payWindowSeconds
    seedHash
    seed
    drawnAt
  }
`);
// Filtered and paged by the API; without `full`, ids only (the pager's walks).
const MUSEUM_DROPS = graphql(`
  query MuseumDrops($museumId: ID, $filter: DropFilterInput, $first: Int, $after: String, $full: Boolean!) {
    museumDrops(museumId: $museumId, filter: $filter, first: $first, after: $after) {
      nodes { id ...DropFields @include(if: $full) }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
// managedDrop: a cancelled drop stays readable by its museum (the public drop query hides it).
const MANAGED_DROP = graphql(`
  query ManagedDrop($id: ID!) { managedDrop(id: $id) { ...DropFields } }
`);
const UPDATE_DROP = graphql(`
  mutation UpdateDrop($input: UpdateDropInput!) { updateDrop(input: $input) { ...DropFields } }
`);
const CREATE_DROP = graphql(`
  mutation CreateDrop($input: CreateDropInput!) { createDrop(input: $input) { ...DropFields } }
`);
const DROP_ENTRIES = graphql(`
  query DropEntries($dropId: ID!, $status: String) {
    dropEntries(dropId: $dropId, first: 100, status: $status) {
      id
      status
      position
      joinedAt
      turnEndsAt
      accountEmail
      accountAgeDays
      sameAddressEntries
      sameShippingAddressEntries
      voidReason
    }
  }
`);
const CANCEL_DROP = graphql(`
  mutation CancelDrop($input: CancelDropInput!) { cancelDrop(input: $input) { id status } }
`);
const VOID_ENTRY = graphql(`
  mutation VoidEntry($input: VoidDropEntryInput!) { voidDropEntry(input: $input) { id status } }
`);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v ? new Date(String(v)).toISOString() : null);
const sameTime = (a: unknown, b: unknown) => iso(a) === iso(b);
const withMinutes = (d: DropRecord): DropRecord => ({ ...d, payWindowMinutes: Math.round(d.payWindowSeconds / 6) / 10 });

export const DROP_STATUSES = ['SCHEDULED', 'REGISTRATION', 'ALLOCATING', 'ENDED', 'CANCELLED'] as const;
type DropStatus = (typeof DROP_STATUSES)[number];

/** The list's filter form as the API's: status, mode, and the days of the start (both included). */
export function dropFilter(f: Record<string, unknown> | undefined) {
  const v = f ?? {};
  return {
    status: DROP_STATUSES.includes(v['status'] as DropStatus) ? (v['status'] as DropStatus) : null,
    mode: v['mode'] === 'QUEUE' || v['mode'] === 'DRAW' ? (v['mode'] as DropRecord['mode']) : null,
    startsFrom: localDayStart(v['startsFrom']),
    startsBefore: localDayStart(v['startsTo'], 1),
  };
}

const pageOf =
  (museumId: string | null, filter: ReturnType<typeof dropFilter>): FetchPage<DropRecord> =>
  listQuery<DropRecord>('museumDrops', 'museumId', async (first, after, full) => {
    const r = await gql(MUSEUM_DROPS, { museumId, filter, first, after, full });
    return r.museumDrops;
  });

export const dropsData: ResourceHandler = {
  getList(params) {
    const museumId = getCurrentMuseumId();
    const filter = dropFilter(params.filter);
    return cursorList('drops', params, { museumId, ...filter }, pageOf(museumId, filter));
  },
  async getOne({ id }) {
    const r = await gql(MANAGED_DROP, { id: String(id) });
    return { data: withMinutes(r.managedDrop) };
  },
  async update({ id, data, previousData }) {
    const prev = previousData as DropRecord;
    // Only what the form changed is sent (a field left empty is not a change).
    const changed = (k: keyof DropRecord, v: number): number | null => (Number.isNaN(v) || v === prev[k] ? null : v);
    const r = await gql(UPDATE_DROP, {
      input: {
        dropId: String(id),
        startsAt: sameTime(data.startsAt, prev.startsAt) ? null : iso(data.startsAt),
        registrationClosesAt: prev.mode === 'DRAW' && !sameTime(data.registrationClosesAt, prev.registrationClosesAt) ? iso(data.registrationClosesAt) : null,
        editionSize: changed('editionSize', Number(data.editionSize)),
        perIdentityLimit: changed('perIdentityLimit', Number(data.perIdentityLimit)),
        payWindowMinutes: changed('payWindowMinutes', Number(data.payWindowMinutes)),
      },
    });
    return { data: withMinutes(r.updateDrop) };
  },
  async create({ data }) {
    const r = await gql(CREATE_DROP, {
      input: {
        variantId: data.variantId ?? '',
        mode: data.mode ?? 'QUEUE',
        // The form requires the start; the API refuses a drop without one.
        startsAt: iso(data.startsAt) ?? '',
        registrationClosesAt: data.mode === 'DRAW' ? iso(data.registrationClosesAt) : null,
        editionSize: Number(data.editionSize),
        perIdentityLimit: Number(data.perIdentityLimit),
        payWindowMinutes: Number(data.payWindowMinutes),
      },
    });
    return { data: r.createDrop };
  },
};

export async function dropEntries(dropId: string, status: string | null): Promise<DropEntryRecord[]> {
  const r = await gql(DROP_ENTRIES, { dropId, status });
  return r.dropEntries;
}

export const cancelDrop = async (dropId: string, reason: string | null) => {
  const r = await gql(CANCEL_DROP, { input: { dropId, reason } });
  pager.invalidate('drops');
  return r;
};

export const voidEntry = (entryId: string, reason: string) =>
  gql(VOID_ENTRY, { input: { entryId, reason } });
