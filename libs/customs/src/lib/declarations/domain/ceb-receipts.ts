import { CEB_NS, buildXml, parseXml } from './ceb-xml';
import { MESSAGE_TYPE, customsTime, type CebDocument } from './ceb-messages';

/** What a receipt says about a message, in our words. */
export const CustomsMessageStatus = {
  PENDING: 'PENDING',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  CLEARED: 'CLEARED',
  HELD: 'HELD',
  /** Our withdrawal of the order declaration (CEB311 appType 3) was accepted: final. */
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type CustomsMessageStatus = (typeof CustomsMessageStatus)[keyof typeof CustomsMessageStatus];

/**
 * Customs return codes (returnStatus) and what they mean for us. Codes 2 and 3 only say the
 * message is on its way (electronic port, sent to customs) and change nothing.
 */
export const RETURN_STATUS: Record<string, CustomsMessageStatus | null> = {
  '2': null,
  '3': null,
  '120': 'ACCEPTED',
  '100': 'REJECTED',
  '800': 'CLEARED',
  '899': 'CLEARED',
  '500': 'HELD',
  '501': 'HELD',
  '502': 'HELD',
  '503': 'HELD',
};

export function statusOfReturn(code: string): CustomsMessageStatus | null {
  if (!(code in RETURN_STATUS)) throw new RangeError(`unknown customs return status "${code}"`);
  return RETURN_STATUS[code];
}

/** One receipt (回执) for one entry. */
export interface CustomsReturn {
  /** The entry guid it answers. */
  guid: string;
  /** orderNo, payTransactionId or logisticsNo. */
  businessNo: string;
  orderNo: string;
  returnStatus: string;
  /** YYYYMMDDhhmmssSSS, China time. */
  returnTime: string;
  returnInfo: string;
  /** A declaration list's receipt (CEB622): its pre-entry number (预录入编号), when customs gives it. */
  preNo?: string;
  /** A declaration list's receipt (CEB622): customs' list number (清单编号), once released. */
  invtNo?: string;
}

const RETURN_ELEMENT: Record<CebDocument, { element: string; business: string }> = {
  ORDER: { element: 'ceb:OrderReturn', business: 'ceb:orderNo' },
  PAYMENT: { element: 'ceb:PaymentReturn', business: 'ceb:payTransactionId' },
  WAYBILL: { element: 'ceb:LogisticsReturn', business: 'ceb:logisticsNo' },
  INVENTORY: { element: 'ceb:InventoryReturn', business: 'ceb:copNo' },
  RETURN: { element: 'ceb:InvtRefundReturn', business: 'ceb:copNo' },
};
/** The acknowledgement of CEB311 is CEB312, …, of CEB625 (a return) CEB626. */
const returnMessage = (document: CebDocument) => `ceb:${MESSAGE_TYPE[document].replace(/(\d)$/, (d) => String(Number(d) + 1))}Message`;

export function returnTime(at: Date): string {
  return `${customsTime(at)}${String(at.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** The acknowledgement of a message (CEB312 / CEB412 / CEB512): one return per entry. */
export function buildAcknowledgement(document: CebDocument, guid: string, returns: readonly CustomsReturn[]): string {
  const { element, business } = RETURN_ELEMENT[document];
  return buildXml({
    [returnMessage(document)]: {
      '@_guid': guid.toUpperCase(),
      '@_version': '1.0',
      '@_xmlns:ceb': CEB_NS,
      [element]: returns.map((r) => ({
        'ceb:guid': r.guid.toUpperCase(),
        [business]: r.businessNo,
        ...(document === 'ORDER' ? {} : { 'ceb:orderNo': r.orderNo }),
        'ceb:returnStatus': r.returnStatus,
        'ceb:returnTime': r.returnTime,
        'ceb:returnInfo': r.returnInfo,
      })),
    },
  });
}

type Fields = Record<string, string | undefined>;
type ReturnsDoc = Record<string, (Record<string, Fields[] | string | undefined> & { '@_cursor'?: string }) | undefined>;

export function parseAcknowledgement(document: CebDocument, xml: string): CustomsReturn[] {
  const { element, business } = RETURN_ELEMENT[document];
  const root = parseXml<ReturnsDoc>(xml, [element])[returnMessage(document)];
  if (!root) throw new Error(`expected a ${returnMessage(document)} acknowledgement`);
  return ((root[element] ?? []) as Fields[]).map((r) => ({
    guid: String(r['ceb:guid'] ?? '').toLowerCase(),
    businessNo: String(r[business] ?? ''),
    orderNo: String(r['ceb:orderNo'] ?? r[business] ?? ''),
    returnStatus: String(r['ceb:returnStatus'] ?? ''),
    returnTime: String(r['ceb:returnTime'] ?? ''),
    returnInfo: String(r['ceb:returnInfo'] ?? ''),
  }));
}

/**
 * The clearance receipts customs issues on declaration lists (CEB622 inventory returns: 800
 * released, 5xx held, 100 refused), once the order, payment record and waybill the list
 * names match, as a feed read from a cursor. `guid` is the list's entry guid.
 */
export function buildReceiptFeed(returns: readonly CustomsReturn[], cursor: string): string {
  return buildXml({
    'ceb:CEB622Message': {
      '@_cursor': cursor,
      '@_version': '1.0',
      '@_xmlns:ceb': CEB_NS,
      'ceb:InventoryReturn': returns.map((r) => ({
        'ceb:guid': r.guid.toUpperCase(),
        'ceb:copNo': r.businessNo,
        'ceb:orderNo': r.orderNo,
        ...(r.preNo ? { 'ceb:preNo': r.preNo } : {}),
        ...(r.invtNo ? { 'ceb:invtNo': r.invtNo } : {}),
        'ceb:returnStatus': r.returnStatus,
        'ceb:returnTime': r.returnTime,
        'ceb:returnInfo': r.returnInfo,
      })),
    },
  });
}

export function parseReceiptFeed(xml: string): { returns: CustomsReturn[]; cursor: string } {
  const root = parseXml<ReturnsDoc>(xml, ['ceb:InventoryReturn'])['ceb:CEB622Message'];
  if (!root) throw new Error('expected a CEB622Message receipt feed');
  const returns = ((root['ceb:InventoryReturn'] ?? []) as Fields[]).map((r) => ({
    guid: String(r['ceb:guid'] ?? '').toLowerCase(),
    businessNo: String(r['ceb:copNo'] ?? r['ceb:orderNo'] ?? ''),
    orderNo: String(r['ceb:orderNo'] ?? ''),
    returnStatus: String(r['ceb:returnStatus'] ?? ''),
    returnTime: String(r['ceb:returnTime'] ?? ''),
    returnInfo: String(r['ceb:returnInfo'] ?? ''),
    ...(r['ceb:preNo'] ? { preNo: String(r['ceb:preNo']) } : {}),
    ...(r['ceb:invtNo'] ? { invtNo: String(r['ceb:invtNo']) } : {}),
  }));
  return { returns, cursor: String(root['@_cursor'] ?? '') };
}
