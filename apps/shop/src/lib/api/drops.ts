// A drop as the shop shows it (docs/adr/0017-fair-drop-allocation.md), with the signed-in shopper's entry.
import { cache } from 'react';
import { gql } from './client';

export type DropStatus = 'SCHEDULED' | 'REGISTRATION' | 'ALLOCATING' | 'ENDED' | 'CANCELLED';
export interface ShopDrop {
  id: string;
  productId: string;
  variantId: string;
  mode: 'QUEUE' | 'DRAW';
  status: DropStatus;
  startsAt: string;
  registrationClosesAt: string | null;
  editionSize: number;
  perIdentityLimit: number;
  payWindowSeconds: number;
  seedHash: string | null;
  seed: string | null;
  drawList: { entryId: string }[];
  myEntry: { id: string; status: string; position: number | null; placeInQueue: number | null; turnEndsAt: string | null } | null;
}

/** Cached per request: the page's metadata and body share one API read. */
export const shopDrop = cache(async (id: string): Promise<ShopDrop> => {
  return (
    await gql<{ drop: ShopDrop }>(
      `query ShopDrop($id: ID!) { drop(id: $id) { id productId variantId mode status startsAt registrationClosesAt editionSize perIdentityLimit payWindowSeconds seedHash seed
        drawList { entryId } myEntry { id status position placeInQueue turnEndsAt } } }`,
      { id },
    )
  ).drop;
});
