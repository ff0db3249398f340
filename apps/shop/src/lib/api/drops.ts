// A drop as the shop shows it (docs/adr/0017-fair-drop-allocation.md), with the signed-in shopper's entry.
import { cache } from 'react';
import { gql } from './client';
import { apiUrl } from './config';

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
  /** DRAW, once drawn: the registrations the draw ran on (entry ids, sorted) and each one's rank (1 first). */
  drawList: { entryId: string; rank: number | null }[];
  myEntry: { id: string; status: string; position: number | null; placeInQueue: number | null; turnEndsAt: string | null } | null;
  /** The signed-in shopper's token for the update stream (null when anonymous). */
  myStreamToken: string | null;
}

/** Cached per request: the page's metadata and body share one API read. */
export const shopDrop = cache(async (id: string): Promise<ShopDrop> => {
  return (
    await gql<{ drop: ShopDrop }>(
      `query ShopDrop($id: ID!) { drop(id: $id) { id productId variantId mode status startsAt registrationClosesAt editionSize perIdentityLimit payWindowSeconds seedHash seed
        drawList { entryId rank } myEntry { id status position placeInQueue turnEndsAt } myStreamToken } }`,
      { id },
    )
  ).drop;
});

/** The drop as its update stream sends it (GET /drops/:id/events, `drop` frames). */
export interface DropStreamState {
  dropId: string;
  mode: 'QUEUE' | 'DRAW';
  status: DropStatus;
  startsAt: string;
  registrationClosesAt: string | null;
  editionSize: number;
  remaining: number;
  waiting: number;
  soldOut: boolean;
  soldOutAt: string | null;
  seedHash: string | null;
  seed: string | null;
  drawnAt: string | null;
  drawCount: number;
}

/** The shopper's own entry (`entry` frames, on a stream opened with their token). */
export interface DropStreamEntry {
  id: string;
  status: string;
  placeInQueue: number | null;
  admittedAt: string | null;
  turnEndsAt: string | null;
  drawResult: 'PENDING' | 'WON' | 'PROMOTED' | 'WAITLIST' | 'NOT_WON' | null;
}

/**
 * Where the browser opens the drop's update stream (Server-Sent Events cannot go through a
 * server action): the API's public origin (LIVE_EVENTS_URL, by default API_URL's), with the
 * signed-in shopper's stream token, which adds their own entry's frames.
 */
export function dropEventsUrl(dropId: string, token: string | null): string {
  const base = (process.env['LIVE_EVENTS_URL'] ?? new URL(apiUrl()).origin).replace(/\/+$/, '');
  return `${base}/drops/${encodeURIComponent(dropId)}/events${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
