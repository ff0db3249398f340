/** Texts of the drop page (dictionaries/drops/<locale>.ts). */
export interface DropsDictionary {
  title: string;
  /** The page's title when the piece is known: `{name}` */
  titleOf: string;
  /** The link to the piece's product page */
  seeProduct: string;
  queue: string;
  draw: string;
  queueHow: string;
  drawHow: string;
  /** `{edition}` units, at most `{limit}` per person */
  edition: string;
  /** Starts in `{time}` */
  startsIn: string;
  /** Registration closes in `{time}` */
  closesIn: string;
  status: Record<'SCHEDULED' | 'REGISTRATION' | 'ALLOCATING' | 'ENDED' | 'CANCELLED', string>;
  signIn: string;
  residentId: string;
  residentIdHint: string;
  join: string;
  register: string;
  joined: string;
  /** You are number `{place}` in the queue */
  place: string;
  waitingStart: string;
  registered: string;
  /** Your turn: pay within `{time}` */
  yourTurn: string;
  won: string;
  /** A draw winner's pay window: `{time}` left (minutes:seconds, not a clock time) */
  payLeft: string;
  /** After the draw ran, while winners pay (status ALLOCATING of a draw) */
  drawn: string;
  /** Link to the shopper's orders once they checked out or paid */
  seeOrders: string;
  /** Between a label and its value ("：" in Chinese, " : " in French) */
  colon: string;
  quantity: string;
  buy: string;
  checkedOut: string;
  paid: string;
  expired: string;
  notSelected: string;
  voided: string;
  notifyOpen: string;
  notifyDone: string;
  /** On a sold-out product page */
  notifyBack: string;
  notifyBackDone: string;
  /** The draw can be checked: seed hash before, seed after */
  verify: string;
  seedHash: string;
  seed: string;
  /** `{count}` registrations in the draw (opens the list of their entry numbers) */
  drawList: string;
  /** How anyone recomputes the draw from the seed and the list; `{edition}` units */
  verifyHow: string;
  /** The shopper's own entry number, as it appears in the list */
  myEntry: string;
  /** The shopper's rank in the draw: `{rank}` of `{count}` */
  myRank: string;
  /** Marks the shopper's own entry in the list */
  mine: string;
  /** `{remaining}` of `{edition}` units left (pushed as they sell) */
  remaining: string;
  soldOut: string;
  /** Sold out at `{time}` */
  soldOutAt: string;
  /** Registration closes at `{time}` (date and time, Beijing) */
  closesAt: string;
  /** A draw winner did not pay and the shopper moves up from the waitlist */
  promoted: string;
  /** Not drawn (yet): number `{place}` on the waitlist */
  waitlist: string;
  /** The update stream is down and reconnecting */
  reconnecting: string;
}
