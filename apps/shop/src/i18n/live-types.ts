/** Texts of the live page (dictionaries/live/<locale>.ts). */
export interface LiveDictionary {
  title: string;
  watch: string;
  /** The embedded player's accessible name (its iframe's title), with the session's `{title}` */
  player: string;
  /** Shown in the player's place until it loads */
  playerLoading: string;
  /** Until the host pins a product */
  nothingPinned: string;
  pinned: string;
  /** `{count}` units left */
  left: string;
  soldOut: string;
  flash: string;
  /** Flash price ends in `{time}` */
  flashEndsIn: string;
  variant: string;
  add: string;
  adding: string;
  /** Added: `{quantity}` at `{price}` each */
  added: string;
  viewCart: string;
  announcements: string;
  bag: string;
  scheduled: string;
  ended: string;
  /** The host cancelled the session while the page was open */
  cancelled: string;
  /** The stream is reconnecting */
  reconnecting: string;
  /** Messages for the live codes (the API's PRODUCT_NOT_IN_BAG, SESSION_ENDED…) beyond dict.errors. */
  local: Record<string, string>;
}
