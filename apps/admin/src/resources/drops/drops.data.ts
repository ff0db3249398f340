import { gql } from '../../api/graphql';
import type { ResourceHandler } from '../../data/resource-handler';
import { getCurrentMuseumId } from '../../museum/current-museum';

export interface DropRecord {
  id: string;
  museumId: string;
  variantId: string;
  productId: string;
  mode: 'QUEUE' | 'DRAW';
  status: string;
  startsAt: string;
  registrationClosesAt: string | null;
  editionSize: number;
  perIdentityLimit: number;
  payWindowSeconds: number;
  seedHash: string | null;
  seed: string | null;
  drawnAt: string | null;
  /** The edit form's field (the API answers payWindowSeconds). */
  payWindowMinutes?: number;
}

/** A drop that has not started can be changed; one not ended can be cancelled. */
export const canEditDrop = (d: Pick<DropRecord, 'status' | 'startsAt'>) => d.status === 'SCHEDULED' && new Date(d.startsAt).getTime() > Date.now();
export const canCancelDrop = (d: Pick<DropRecord, 'status'>) => d.status !== 'ENDED' && d.status !== 'CANCELLED';

export interface DropEntryRecord {
  id: string;
  status: string;
  position: number | null;
  joinedAt: string;
  turnEndsAt: string | null;
  accountEmail: string;
  accountAgeDays: number;
  sameAddressEntries: number;
  sameShippingAddressEntries: number;
  voidReason: string | null;
}

const FIELDS = 'id museumId variantId productId mode status startsAt registrationClosesAt editionSize perIdentityLimit payWindowSeconds seedHash seed drawnAt';
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v ? new Date(String(v)).toISOString() : null);
const sameTime = (a: unknown, b: unknown) => iso(a) === iso(b);
const withMinutes = (d: DropRecord): DropRecord => ({ ...d, payWindowMinutes: Math.round(d.payWindowSeconds / 6) / 10 });

export const dropsData: ResourceHandler = {
  async getList() {
    const r = await gql<{ museumDrops: DropRecord[] }>(`query { museumDrops(first: 100) { ${FIELDS} } }`);
    const museumId = getCurrentMuseumId();
    const data = museumId ? r.museumDrops.filter((d) => d.museumId === museumId) : r.museumDrops;
    return { data, total: data.length };
  },
  async getOne({ id }) {
    // managedDrop: a cancelled drop stays readable by its museum (the public drop query hides it).
    const r = await gql<{ managedDrop: DropRecord }>(`query Drop($id: ID!) { managedDrop(id: $id) { ${FIELDS} } }`, { id });
    return { data: withMinutes(r.managedDrop) };
  },
  async update({ id, data, previousData }) {
    const prev = previousData as DropRecord;
    const changed = (k: keyof DropRecord, v: unknown) => (v === undefined || v === null || v === '' ? null : v === prev[k] ? null : v);
    const r = await gql<{ updateDrop: DropRecord }>(`mutation UpdateDrop($input: UpdateDropInput!) { updateDrop(input: $input) { ${FIELDS} } }`, {
      input: {
        dropId: id,
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
    const r = await gql<{ createDrop: DropRecord }>(`mutation CreateDrop($input: CreateDropInput!) { createDrop(input: $input) { ${FIELDS} } }`, {
      input: {
        variantId: data.variantId ?? '',
        mode: data.mode ?? 'QUEUE',
        startsAt: iso(data.startsAt),
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
  const r = await gql<{ dropEntries: DropEntryRecord[] }>(
    `query DropEntries($dropId: ID!, $status: String) { dropEntries(dropId: $dropId, first: 100, status: $status) {
      id status position joinedAt turnEndsAt accountEmail accountAgeDays sameAddressEntries sameShippingAddressEntries voidReason } }`,
    { dropId, status },
  );
  return r.dropEntries;
}

export const cancelDrop = (dropId: string, reason: string | null) =>
  gql(`mutation CancelDrop($input: CancelDropInput!) { cancelDrop(input: $input) { id status } }`, { input: { dropId, reason } });

export const voidEntry = (entryId: string, reason: string) =>
  gql(`mutation VoidEntry($input: VoidDropEntryInput!) { voidDropEntry(input: $input) { id status } }`, { input: { entryId, reason } });
