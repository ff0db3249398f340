/**
 * What a viewer's page receives on GET /live/:id/events (Server-Sent Events). `snapshot` is the
 * whole state (on connecting, and after the bag changes); the others change one part of it and
 * are safe to apply twice.
 */
export interface LiveProductState {
  productId: string;
  name: string;
  /** The lowest variant price in CNY fen, before any flash price. */
  priceMinor: number;
  currency: 'CNY';
  /** Units available now across the museum's stock locations. */
  available: number;
  variants: { variantId: string; sku: string; priceMinor: number; available: number }[];
}

export interface LiveFlashState {
  productId: string;
  priceMinor: number;
  currency: 'CNY';
  startsAt: string;
  endsAt: string;
}

export interface LiveAnnouncementState {
  id: string;
  body: string;
  at: string;
}

export interface LiveState {
  sessionId: string;
  title: string;
  streamUrl: string;
  /** How the page shows the stream (domain/stream-player). */
  player: { kind: 'EMBED' | 'LINK'; embedUrl: string | null };
  startsAt: string;
  endsAt: string;
  pinnedProductId: string | null;
  products: LiveProductState[];
  flashes: LiveFlashState[];
  /** Newest first. */
  announcements: LiveAnnouncementState[];
}

export type LiveEvent =
  | { type: 'snapshot'; state: LiveState; serverTime: string }
  | { type: 'pin'; productId: string | null; at: string }
  | { type: 'flash'; flash: LiveFlashState }
  | { type: 'announcement'; announcement: LiveAnnouncementState }
  | { type: 'stock'; products: { productId: string; available: number }[] }
  /** The bag or the session's details changed: each process sends its viewers a fresh snapshot. */
  | { type: 'bag' }
  /** The session was cancelled: viewers are told, then their streams end (reconnecting answers 404). */
  | { type: 'cancelled'; at: string };

/** One SSE frame. */
export function sseFrame(event: LiveEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
