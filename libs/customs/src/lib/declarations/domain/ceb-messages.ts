import { CEB_NS, buildXml, type XmlTree } from './ceb-xml';

/**
 * The three documents customs matches before releasing a cross-border parcel (三单对碰):
 * the order (CEB311, pushed by the platform), the payment record (CEB411, from the payment
 * provider) and the waybill (CEB511, from the logistics company). Field names are those of
 * the customs message standard. Amounts are yuan with two decimals; currency 142 is CNY.
 */
export const CebDocument = {
  ORDER: 'ORDER',
  PAYMENT: 'PAYMENT',
  WAYBILL: 'WAYBILL',
} as const;
export type CebDocument = (typeof CebDocument)[keyof typeof CebDocument];

export const MESSAGE_TYPE: Record<CebDocument, string> = { ORDER: 'CEB311', PAYMENT: 'CEB411', WAYBILL: 'CEB511' };
const ENTRY: Record<CebDocument, { entry: string; head: string }> = {
  ORDER: { entry: 'ceb:Order', head: 'ceb:OrderHead' },
  PAYMENT: { entry: 'ceb:Payment', head: 'ceb:PaymentHead' },
  WAYBILL: { entry: 'ceb:Logistics', head: 'ceb:LogisticsHead' },
};
/** Customs currency code of CNY. */
export const CURRENCY_CNY = '142';
/** Customs unit code of "piece" (件). */
export const UNIT_PIECE = '011';
/** Customs ID type of a mainland resident identity card. */
export const ID_TYPE_RESIDENT = '1';
/** Entries per message: one signature covers them all. */
export const MAX_ENTRIES_PER_MESSAGE = 100;

/** A registered enterprise: its 10-character customs code and its name. */
export interface Enterprise {
  code: string;
  name: string;
}

/** Who transmits (BaseTransfer): the enterprise and its data-exchange (DXP) channel id. */
export interface Transfer {
  copCode: string;
  copName: string;
  dxpId: string;
}

export interface OrderLineDeclaration {
  itemNo: string;
  itemName: string;
  gmodel: string;
  qty: number;
  /** Fen. */
  priceMinor: number;
  /** Fen; qty × price. */
  totalMinor: number;
  /** ISO 3166 alpha-2 origin; written with the customs country code. */
  originCountry: string;
  barCode?: string;
}

export interface OrderDeclaration {
  guid: string;
  orderNo: string;
  ebp: Enterprise;
  ebc: Enterprise;
  /** Fen, each. */
  goodsValueMinor: number;
  freightMinor: number;
  discountMinor: number;
  taxTotalMinor: number;
  acturalPaidMinor: number;
  buyerRegNo: string;
  buyerName: string;
  buyerTelephone: string;
  /** The plain 18-character resident ID, read from the encrypted record just before sending. */
  buyerIdNumber: string;
  pay: Enterprise;
  payTransactionId: string;
  consignee: string;
  consigneeTelephone: string;
  consigneeAddress: string;
  lines: OrderLineDeclaration[];
  appTime: Date;
  note?: string;
}

export interface PaymentDeclaration {
  guid: string;
  orderNo: string;
  pay: Enterprise;
  payTransactionId: string;
  ebp: Enterprise;
  payerName: string;
  payerIdNumber: string;
  telephone: string;
  amountPaidMinor: number;
  payTime: Date;
  appTime: Date;
}

export interface WaybillDeclaration {
  guid: string;
  /** Not in CEB511 itself (customs links them through the inventory declaration, which we do not send): our "-like" addition. */
  orderNo: string;
  logistics: Enterprise;
  logisticsNo: string;
  freightMinor: number;
  insuredFeeMinor: number;
  weightGrams: number;
  packNo: number;
  goodsInfo: string;
  consignee: string;
  consigneeAddress: string;
  consigneeTelephone: string;
  appTime: Date;
}

export type Declaration =
  | { document: 'ORDER'; entry: OrderDeclaration }
  | { document: 'PAYMENT'; entry: PaymentDeclaration }
  | { document: 'WAYBILL'; entry: WaybillDeclaration };

/** Fen to the yuan text customs expects: 12345 → "123.45". */
export function yuan(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount ${minor} is not whole fen`);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Customs time: YYYYMMDDhhmmss in China Standard Time (UTC+8). */
export function customsTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Customs country codes (海关国别代码) of the origins our museums ship from. */
const COUNTRY: Record<string, string> = {
  BE: '301', DK: '302', GB: '303', DE: '304', FR: '305', IE: '306', IT: '307', LU: '308', NL: '309', GR: '310',
  PT: '311', ES: '312', AT: '315', FI: '318', HU: '321', PL: '327', SE: '330', CH: '331', CZ: '352', CN: '142',
  JP: '116', KR: '133', US: '502',
};

export function customsCountry(iso2: string): string {
  const code = COUNTRY[iso2.toUpperCase()];
  if (!code) throw new RangeError(`no customs country code for origin "${iso2}"`);
  return code;
}

function orderEntry(o: OrderDeclaration, idNumber: string): XmlTree {
  return {
    'ceb:OrderHead': {
      'ceb:guid': o.guid.toUpperCase(),
      'ceb:appType': '1',
      'ceb:appTime': customsTime(o.appTime),
      'ceb:appStatus': '2',
      'ceb:orderType': 'I',
      'ceb:orderNo': o.orderNo,
      'ceb:ebpCode': o.ebp.code,
      'ceb:ebpName': o.ebp.name,
      'ceb:ebcCode': o.ebc.code,
      'ceb:ebcName': o.ebc.name,
      'ceb:goodsValue': yuan(o.goodsValueMinor),
      'ceb:freight': yuan(o.freightMinor),
      'ceb:discount': yuan(o.discountMinor),
      'ceb:taxTotal': yuan(o.taxTotalMinor),
      'ceb:acturalPaid': yuan(o.acturalPaidMinor),
      'ceb:currency': CURRENCY_CNY,
      'ceb:buyerRegNo': o.buyerRegNo,
      'ceb:buyerName': o.buyerName,
      'ceb:buyerTelephone': o.buyerTelephone,
      'ceb:buyerIdType': ID_TYPE_RESIDENT,
      'ceb:buyerIdNumber': idNumber,
      'ceb:payCode': o.pay.code,
      'ceb:payName': o.pay.name,
      'ceb:payTransactionId': o.payTransactionId,
      'ceb:batchNumbers': '',
      'ceb:consignee': o.consignee,
      'ceb:consigneeTelephone': o.consigneeTelephone,
      'ceb:consigneeAddress': o.consigneeAddress,
      'ceb:consigneeDistrict': '',
      'ceb:note': o.note ?? '',
    },
    'ceb:OrderList': o.lines.map((l, i) => ({
      'ceb:gnum': String(i + 1),
      'ceb:itemNo': l.itemNo,
      'ceb:itemName': l.itemName,
      'ceb:gmodel': l.gmodel,
      'ceb:itemDescribe': '',
      'ceb:barCode': l.barCode ?? '',
      'ceb:unit': UNIT_PIECE,
      'ceb:qty': String(l.qty),
      'ceb:price': yuan(l.priceMinor),
      'ceb:totalPrice': yuan(l.totalMinor),
      'ceb:currency': CURRENCY_CNY,
      'ceb:country': customsCountry(l.originCountry),
      'ceb:note': '',
    })),
  };
}

function paymentEntry(p: PaymentDeclaration, idNumber: string): XmlTree {
  return {
    'ceb:PaymentHead': {
      'ceb:guid': p.guid.toUpperCase(),
      'ceb:appType': '1',
      'ceb:appTime': customsTime(p.appTime),
      'ceb:appStatus': '2',
      'ceb:payCode': p.pay.code,
      'ceb:payName': p.pay.name,
      'ceb:payTransactionId': p.payTransactionId,
      'ceb:orderNo': p.orderNo,
      'ceb:ebpCode': p.ebp.code,
      'ceb:ebpName': p.ebp.name,
      'ceb:payerIdType': ID_TYPE_RESIDENT,
      'ceb:payerIdNumber': idNumber,
      'ceb:payerName': p.payerName,
      'ceb:telephone': p.telephone,
      'ceb:amountPaid': yuan(p.amountPaidMinor),
      'ceb:currency': CURRENCY_CNY,
      'ceb:payTime': customsTime(p.payTime),
      'ceb:note': '',
    },
  };
}

function waybillEntry(w: WaybillDeclaration): XmlTree {
  return {
    'ceb:LogisticsHead': {
      'ceb:guid': w.guid.toUpperCase(),
      'ceb:appType': '1',
      'ceb:appTime': customsTime(w.appTime),
      'ceb:appStatus': '2',
      'ceb:logisticsCode': w.logistics.code,
      'ceb:logisticsName': w.logistics.name,
      'ceb:logisticsNo': w.logisticsNo,
      'ceb:orderNo': w.orderNo,
      'ceb:billNo': '',
      'ceb:freight': yuan(w.freightMinor),
      'ceb:insuredFee': yuan(w.insuredFeeMinor),
      'ceb:currency': CURRENCY_CNY,
      // Kilograms, three decimals.
      'ceb:weight': (w.weightGrams / 1000).toFixed(3),
      'ceb:packNo': String(w.packNo),
      'ceb:goodsInfo': w.goodsInfo.slice(0, 200),
      'ceb:consignee': w.consignee,
      'ceb:consigneeAddress': w.consigneeAddress,
      'ceb:consigneeTelephone': w.consigneeTelephone,
      'ceb:note': '',
    },
  };
}

function entryTree(d: Declaration): XmlTree {
  switch (d.document) {
    case 'ORDER':
      return orderEntry(d.entry, d.entry.buyerIdNumber);
    case 'PAYMENT':
      return paymentEntry(d.entry, d.entry.payerIdNumber);
    case 'WAYBILL':
      return waybillEntry(d.entry);
  }
}

function idNumberOf(d: Declaration): string | null {
  switch (d.document) {
    case 'ORDER':
      return d.entry.buyerIdNumber;
    case 'PAYMENT':
      return d.entry.payerIdNumber;
    case 'WAYBILL':
      return null;
  }
}

/**
 * One message of one document kind holding up to MAX_ENTRIES_PER_MESSAGE entries, unsigned.
 * The entries carry the plain ID number: this text is for the wire only, never for storage.
 */
export function buildMessage(document: CebDocument, guid: string, declarations: readonly Declaration[], transfer: Transfer): string {
  if (!declarations.length || declarations.length > MAX_ENTRIES_PER_MESSAGE) throw new RangeError(`a message holds 1 to ${MAX_ENTRIES_PER_MESSAGE} entries`);
  if (declarations.some((d) => d.document !== document)) throw new Error(`every entry of a ${MESSAGE_TYPE[document]} message must be a ${document} document`);
  return buildXml({
    [`ceb:${MESSAGE_TYPE[document]}Message`]: {
      '@_guid': guid.toUpperCase(),
      '@_version': '1.0',
      '@_xmlns:ceb': CEB_NS,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      [ENTRY[document].entry]: declarations.map(entryTree),
      'ceb:BaseTransfer': {
        'ceb:copCode': transfer.copCode,
        'ceb:copName': transfer.copName,
        'ceb:dxpMode': 'DXP',
        'ceb:dxpId': transfer.dxpId,
        'ceb:note': '',
      },
    },
  });
}

/**
 * One entry as the audit trail keeps and shows it: built from the declaration with the
 * masked ID number (`110***********002X`) in place of the number; refuses a plain one.
 */
export function maskedEntryXml(d: Declaration): string {
  const id = idNumberOf(d);
  if (id !== null && !id.includes('*')) throw new Error('the audit copy of a customs message must carry the masked ID number');
  return buildXml({ [ENTRY[d.document].entry]: entryTree(d) });
}

/** Customs declaration type (appType) of a withdrawal: 3 = delete (1 new, 2 change). */
export const APP_TYPE_WITHDRAW = '3';

/**
 * The withdrawal of an order declaration (CEB311 with appType 3, 删除): the order's head
 * as customs knows it (order number, platform, seller), no lines and no buyer identity,
 * and the reason in `note`. Its guid is its own (derived from the order), not the
 * declaration's, so customs answers it once however often it is sent.
 */
export interface OrderWithdrawal {
  guid: string;
  orderNo: string;
  ebp: Enterprise;
  ebc: Enterprise;
  reason: string;
  appTime: Date;
}

function withdrawalEntry(w: OrderWithdrawal): XmlTree {
  return {
    'ceb:OrderHead': {
      'ceb:guid': w.guid.toUpperCase(),
      'ceb:appType': APP_TYPE_WITHDRAW,
      'ceb:appTime': customsTime(w.appTime),
      'ceb:appStatus': '2',
      'ceb:orderType': 'I',
      'ceb:orderNo': w.orderNo,
      'ceb:ebpCode': w.ebp.code,
      'ceb:ebpName': w.ebp.name,
      'ceb:ebcCode': w.ebc.code,
      'ceb:ebcName': w.ebc.name,
      'ceb:note': w.reason.slice(0, 500),
    },
  };
}

/** One CEB311 message of up to MAX_ENTRIES_PER_MESSAGE withdrawals, unsigned (signed like every message). */
export function buildWithdrawalMessage(guid: string, withdrawals: readonly OrderWithdrawal[], transfer: Transfer): string {
  if (!withdrawals.length || withdrawals.length > MAX_ENTRIES_PER_MESSAGE) throw new RangeError(`a message holds 1 to ${MAX_ENTRIES_PER_MESSAGE} entries`);
  return buildXml({
    [`ceb:${MESSAGE_TYPE.ORDER}Message`]: {
      '@_guid': guid.toUpperCase(),
      '@_version': '1.0',
      '@_xmlns:ceb': CEB_NS,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      [ENTRY.ORDER.entry]: withdrawals.map(withdrawalEntry),
      'ceb:BaseTransfer': {
        'ceb:copCode': transfer.copCode,
        'ceb:copName': transfer.copName,
        'ceb:dxpMode': 'DXP',
        'ceb:dxpId': transfer.dxpId,
        'ceb:note': '',
      },
    },
  });
}

/** The business number customs knows each document by. */
export function businessNo(d: Declaration): string {
  switch (d.document) {
    case 'ORDER':
      return d.entry.orderNo;
    case 'PAYMENT':
      return d.entry.payTransactionId;
    case 'WAYBILL':
      return d.entry.logisticsNo;
  }
}
