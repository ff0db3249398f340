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
}

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

export const dropsData: ResourceHandler = {
  async getList() {
    const r = await gql<{ museumDrops: DropRecord[] }>(`query { museumDrops(first: 100) { ${FIELDS} } }`);
    const museumId = getCurrentMuseumId();
    const data = museumId ? r.museumDrops.filter((d) => d.museumId === museumId) : r.museumDrops;
    return { data, total: data.length };
  },
  async getOne({ id }) {
    const r = await gql<{ drop: DropRecord }>(`query Drop($id: ID!) { drop(id: $id) { ${FIELDS} } }`, { id });
    return { data: r.drop };
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

export const voidEntry = (entryId: string, reason: string) =>
  gql(`mutation VoidEntry($input: VoidDropEntryInput!) { voidDropEntry(input: $input) { id status } }`, { input: { entryId, reason } });
