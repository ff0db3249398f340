// The live page's reads and where its browser opens the update stream.
import { apiUrl } from './api/config';
import { gql } from './api/client';

export interface LiveProduct {
  productId: string;
  name: string;
  priceMinor: number;
  currency: string;
  available: number;
  variants: { variantId: string; sku: string; priceMinor: number; available: number }[];
}

export interface LiveFlash {
  productId: string;
  priceMinor: number;
  currency: string;
  startsAt: string;
  endsAt: string;
}

/** How the page shows the stream, as the API derives it from the URL (the shop parses no URL). */
export interface LivePlayer {
  kind: 'EMBED' | 'LINK';
  embedUrl: string | null;
}

export interface LiveStateView {
  sessionId: string;
  title: string;
  streamUrl: string;
  player: LivePlayer;
  startsAt: string;
  endsAt: string;
  pinnedProductId: string | null;
  products: LiveProduct[];
  flashes: LiveFlash[];
  announcements: { id: string; body: string; at: string }[];
}

const QUERY = `query Live($id: ID!) { liveSession(id: $id) { id title streamUrl player { kind embedUrl } startsAt endsAt pinnedProductId
  products { productId name priceMinor currency available variants { variantId sku priceMinor available } }
  flashPrices { productId priceMinor currency startsAt endsAt }
  announcements { id body createdAt } } }`;

interface LiveAnswer {
  liveSession: {
    id: string;
    title: string;
    streamUrl: string;
    player: LivePlayer;
    startsAt: string;
    endsAt: string;
    pinnedProductId: string | null;
    products: LiveProduct[];
    flashPrices: LiveFlash[];
    announcements: { id: string; body: string; createdAt: string }[];
  };
}

/** The session as the first paint shows it (the stream's snapshot replaces it at once). */
export async function liveSession(id: string): Promise<LiveStateView> {
  const { liveSession: s } = await gql<LiveAnswer>(QUERY, { id }, { auth: false });
  return {
    sessionId: s.id,
    title: s.title,
    streamUrl: s.streamUrl,
    player: s.player,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    pinnedProductId: s.pinnedProductId,
    products: s.products,
    flashes: s.flashPrices,
    announcements: s.announcements.map((a) => ({ id: a.id, body: a.body, at: a.createdAt })),
  };
}

/**
 * The stream the browser opens (the one thing it reads from the API itself: Server-Sent Events
 * cannot go through a server action). LIVE_EVENTS_URL is the API's public origin; by default
 * API_URL's.
 */
export function liveEventsUrl(sessionId: string): string {
  const base = (process.env['LIVE_EVENTS_URL'] ?? new URL(apiUrl()).origin).replace(/\/+$/, '');
  return `${base}/live/${encodeURIComponent(sessionId)}/events`;
}
