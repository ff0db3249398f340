/** Texts of the shopper's returns on the order page (dictionaries/returns/<locale>.ts). */
export interface ReturnsDictionary {
  title: string;
  /** Returns can be asked for until `{date}` */
  deadline: string;
  windowClosed: string;
  /** Before customs released the order */
  notYet: string;
  request: string;
  /** At the top of the order page: ask for a return, until `{date}` */
  jump: string;
  intro: string;
  linesLegend: string;
  /** `{name}`: up to `{max}` */
  lineMax: string;
  nothingLeft: string;
  less: string;
  more: string;
  /** Quantity of `{name}` to return */
  quantityOf: string;
  reason: string;
  reasonChoose: string;
  reasons: Record<'CHANGED_MIND' | 'DAMAGED' | 'WRONG_ITEM', string>;
  /** DAMAGED and WRONG_ITEM: shipping refunded too */
  reasonHint: string;
  photos: string;
  photosHint: string;
  /** The file input: photos taken of the goods */
  photoFiles: string;
  /** `{types}` (JPEG / PNG / WebP), at most `{max}` photos of `{size}` each */
  photoFilesHint: string;
  note: string;
  submit: string;
  submitting: string;
  requested: string;
  /** Local checks before asking the API */
  local: Record<'NOTHING_CHOSEN' | 'REASON_REQUIRED' | 'TOO_MANY_PHOTOS', string>;
  yours: string;
  /** Asked on `{date}` */
  askedOn: string;
  status: Record<'REQUESTED' | 'ACCEPTED' | 'REFUSED' | 'INSPECTED' | 'REFUNDED', string>;
  statusNote: Record<'REQUESTED' | 'ACCEPTED' | 'REFUSED' | 'INSPECTED' | 'REFUNDED', string>;
  /** Return waybill `{number}` */
  waybill: string;
  waybillPending: string;
  /** Send the goods back before `{date}` */
  sendBy: string;
  /** Seller’s comment: `{comment}` */
  sellerComment: string;
  /** Reason: `{reason}` */
  reasonIs: string;
  /** Refunded: `{amount}` */
  refunded: string;
  /** `{name}` × `{quantity}` */
  lineQuantity: string;
  /** Above the photos the shopper attached to a return */
  yourPhotos: string;
  /** An uploaded photo's text alternative: photo `{n}` */
  photoAlt: string;
  /** Its link's name: open photo `{n}` */
  photoOpen: string;
  /** A photo link the shopper typed: photo link `{n}` */
  photoLink: string;
  /** Once the return is refused or closed the uploaded photos are deleted (ADR 0020) */
  photosDeleted: string;
  /** A guest (no account) finds their order and confirms it is theirs with a code sent by SMS (orders/find) */
  guest: {
    title: string;
    intro: string;
    orderNumber: string;
    phone: string;
    phoneHint: string;
    send: string;
    /** A code was sent to `{phone}` for order `{number}` */
    codeSentTo: string;
    code: string;
    codeHint: string;
    verify: string;
    resend: string;
    startOver: string;
    haveAccount: string;
    /** On an order page the visitor may not see: the way for guests */
    find: string;
    /** A guest's order seen from this device's checkout: returns need the code first */
    confirmToReturn: string;
    confirm: string;
  };
  /** The return's steps (their details come written by the API in the page's language) */
  history: string;
}
