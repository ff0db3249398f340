import { CEB_NS, buildXml, type XmlTree } from './ceb-xml';

/**
 * The documents of a cross-border parcel: the order (CEB311, from the e-commerce enterprise,
 * the museum), the payment record (CEB411, from the payment company, which declares it on the
 * merchant's request: see payment-declaration.ts), the waybill (CEB511, from the logistics
 * company), matched by customs (三单对碰), and the declaration list (申报清单, CEB621), which is
 * what customs releases or holds. Field names are those of the customs message standard.
 * Amounts are yuan with two decimals; currency 142 is CNY.
 */
export const CebDocument = {
  ORDER: 'ORDER',
  PAYMENT: 'PAYMENT',
  WAYBILL: 'WAYBILL',
  INVENTORY: 'INVENTORY',
  /** A return of released goods (退货申请单, CEB625), declared once the return is accepted and has its waybill. */
  RETURN: 'RETURN',
} as const;
export type CebDocument = (typeof CebDocument)[keyof typeof CebDocument];

export const MESSAGE_TYPE: Record<CebDocument, string> = { ORDER: 'CEB311', PAYMENT: 'CEB411', WAYBILL: 'CEB511', INVENTORY: 'CEB621', RETURN: 'CEB625' };
const ENTRY: Record<CebDocument, { entry: string; head: string }> = {
  ORDER: { entry: 'ceb:Order', head: 'ceb:OrderHead' },
  PAYMENT: { entry: 'ceb:Payment', head: 'ceb:PaymentHead' },
  WAYBILL: { entry: 'ceb:Logistics', head: 'ceb:LogisticsHead' },
  INVENTORY: { entry: 'ceb:Inventory', head: 'ceb:InventoryHead' },
  RETURN: { entry: 'ceb:InvtRefund', head: 'ceb:InvtRefundHead' },
};
/** Customs currency code of CNY. */
export const CURRENCY_CNY = '142';
/** Customs unit code of "piece" (件). */
export const UNIT_PIECE = '011';
/** Customs ID type of a mainland resident identity card. */
export const ID_TYPE_RESIDENT = '1';
/** Entries per message: one signature covers them all. */
export const MAX_ENTRIES_PER_MESSAGE = 100;
/** Customs declaration type (appType): 1 new, 2 change (变更: an amendment), 3 delete (a withdrawal). */
export type AppType = '1' | '2';
/** appType of an amendment (变更): the whole entry again, with what customs should now hold. */
export const APP_TYPE_AMEND: AppType = '2';

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
  /** Customs declaration type: 1 new (the default), 2 change (an amendment of what customs holds). */
  appType?: AppType;
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
  /** Not in CEB511 itself (customs links the waybill to its order through the declaration list, CEB621): kept as our addition. */
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
  appType?: AppType;
}

/** Customs trade modes of cross-border retail imports: 9610 direct mail, 1210 bonded. */
export type TradeMode = '9610' | '1210';
/** Customs ID of the trade mode's supervision: ieFlag I (import). */
export const IE_FLAG_IMPORT = 'I';

export interface InventoryLineDeclaration {
  itemNo: string;
  itemName: string;
  /** The 10-digit customs commodity code (HS code padded). */
  gcode: string;
  gmodel: string;
  qty: number;
  /** Fen. */
  priceMinor: number;
  /** Fen; qty × price. */
  totalMinor: number;
  originCountry: string;
  barCode?: string;
}

/**
 * The declaration list (申报清单, CEB621 InventoryHead / InventoryList): declared by the
 * e-commerce enterprise (or its agent) once its order, the payment record and the waybill
 * are with customs; it links them (orderNo, logisticsNo) and is what customs releases.
 */
export interface InventoryDeclaration {
  guid: string;
  /** The enterprise's own number of the list (企业内部编号): the order number. */
  copNo: string;
  orderNo: string;
  ebp: Enterprise;
  ebc: Enterprise;
  logistics: Enterprise;
  logisticsNo: string;
  /** The declaring agent (申报企业) and the guarantor (担保企业): the e-commerce enterprise itself. */
  agent: Enterprise;
  /** Customs district (主管海关代码, 4 digits) and port of entry (口岸海关代码). */
  customsCode: string;
  portCode: string;
  tradeMode: TradeMode;
  buyerName: string;
  /** The plain 18-character resident ID, read from the encrypted record just before sending. */
  buyerIdNumber: string;
  buyerTelephone: string;
  consignee: string;
  consigneeAddress: string;
  /** Fen. */
  freightMinor: number;
  insuredFeeMinor: number;
  grossWeightGrams: number;
  netWeightGrams: number;
  packNo: number;
  lines: InventoryLineDeclaration[];
  appTime: Date;
  appType?: AppType;
}

/** One returned line: the line of the original declaration list (gnum) and how many units come back. */
export interface ReturnLineDeclaration {
  gnum: number;
  /** The 10-digit commodity code the list declared. */
  gcode: string;
  itemName: string;
  qty: number;
}

/**
 * The return declaration (退货申请单, CEB625 InvtRefundHead / InvtRefundList): declared by the
 * e-commerce enterprise for goods customs released and that come back to the supervised site
 * under a return waybill. It names the original declaration list (invtNo, preNo as we know
 * them) and the order, the return waybill and the units; no buyer identity is sent.
 */
export interface ReturnDeclaration {
  guid: string;
  /** The enterprise's own number of the return: the return's id without dashes. */
  copNo: string;
  orderNo: string;
  ebp: Enterprise;
  ebc: Enterprise;
  /** The carrier and the return waybill. */
  logistics: Enterprise;
  logisticsNo: string;
  customsCode: string;
  /** The original declaration list: invtNo (its copNo as declared) and preNo (its entry guid). */
  invtNo: string;
  preNo: string;
  reason: string;
  lines: ReturnLineDeclaration[];
  appTime: Date;
}

export type Declaration =
  | { document: 'ORDER'; entry: OrderDeclaration }
  | { document: 'PAYMENT'; entry: PaymentDeclaration }
  | { document: 'WAYBILL'; entry: WaybillDeclaration }
  | { document: 'INVENTORY'; entry: InventoryDeclaration }
  | { document: 'RETURN'; entry: ReturnDeclaration };

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
      'ceb:appType': o.appType ?? '1',
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
      'ceb:appType': w.appType ?? '1',
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

/** A customs commodity code (gcode) of 10 digits from an HS code of 6 to 10. */
export function gcodeOf(hsCode: string): string {
  const digits = hsCode.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 10) throw new RangeError(`HS code "${hsCode}" is not 6 to 10 digits`);
  return digits.padEnd(10, '0');
}

function inventoryEntry(v: InventoryDeclaration, idNumber: string): XmlTree {
  return {
    'ceb:InventoryHead': {
      'ceb:guid': v.guid.toUpperCase(),
      'ceb:appType': v.appType ?? '1',
      'ceb:appTime': customsTime(v.appTime),
      'ceb:appStatus': '2',
      'ceb:orderNo': v.orderNo,
      'ceb:ebpCode': v.ebp.code,
      'ceb:ebpName': v.ebp.name,
      'ceb:ebcCode': v.ebc.code,
      'ceb:ebcName': v.ebc.name,
      'ceb:logisticsNo': v.logisticsNo,
      'ceb:logisticsCode': v.logistics.code,
      'ceb:logisticsName': v.logistics.name,
      'ceb:copNo': v.copNo,
      'ceb:preNo': '',
      'ceb:assureCode': v.agent.code,
      'ceb:emsNo': '',
      'ceb:invtNo': '',
      'ceb:ieFlag': IE_FLAG_IMPORT,
      'ceb:declTime': customsTime(v.appTime).slice(0, 8),
      'ceb:customsCode': v.customsCode,
      'ceb:portCode': v.portCode,
      'ceb:ieDate': customsTime(v.appTime).slice(0, 8),
      'ceb:buyerIdType': ID_TYPE_RESIDENT,
      'ceb:buyerIdNumber': idNumber,
      'ceb:buyerName': v.buyerName,
      'ceb:buyerTelephone': v.buyerTelephone,
      'ceb:consignee': v.consignee,
      'ceb:consigneeAddress': v.consigneeAddress,
      'ceb:agentCode': v.agent.code,
      'ceb:agentName': v.agent.name,
      'ceb:areaCode': '',
      'ceb:areaName': '',
      'ceb:tradeMode': v.tradeMode,
      // 5 air, 2 sea; the parcels fly from the EU (9610) or leave a bonded zone by road (1210: 4).
      'ceb:trafMode': v.tradeMode === '1210' ? '4' : '5',
      'ceb:trafNo': '',
      'ceb:voyageNo': '',
      'ceb:billNo': '',
      'ceb:loctNo': '',
      'ceb:licenseNo': '',
      'ceb:country': v.lines.length ? customsCountry(v.lines[0].originCountry) : '',
      'ceb:freight': yuan(v.freightMinor),
      'ceb:insuredFee': yuan(v.insuredFeeMinor),
      'ceb:currency': CURRENCY_CNY,
      'ceb:wrapType': '2',
      'ceb:packNo': String(v.packNo),
      'ceb:grossWeight': (v.grossWeightGrams / 1000).toFixed(3),
      'ceb:netWeight': (v.netWeightGrams / 1000).toFixed(3),
      'ceb:note': '',
    },
    'ceb:InventoryList': v.lines.map((l, i) => ({
      'ceb:gnum': String(i + 1),
      'ceb:itemRecordNo': '',
      'ceb:itemNo': l.itemNo,
      'ceb:itemName': l.itemName,
      'ceb:gcode': gcodeOf(l.gcode),
      'ceb:gname': l.itemName,
      'ceb:gmodel': l.gmodel,
      'ceb:barCode': l.barCode ?? '',
      'ceb:country': customsCountry(l.originCountry),
      'ceb:currency': CURRENCY_CNY,
      'ceb:qty': String(l.qty),
      'ceb:qty1': String(l.qty),
      'ceb:unit': UNIT_PIECE,
      'ceb:unit1': UNIT_PIECE,
      'ceb:price': yuan(l.priceMinor),
      'ceb:totalPrice': yuan(l.totalMinor),
      'ceb:note': '',
    })),
  };
}

function returnEntry(r: ReturnDeclaration): XmlTree {
  return {
    'ceb:InvtRefundHead': {
      'ceb:guid': r.guid.toUpperCase(),
      'ceb:appType': '1',
      'ceb:appTime': customsTime(r.appTime),
      'ceb:appStatus': '2',
      'ceb:customsCode': r.customsCode,
      'ceb:orderNo': r.orderNo,
      'ceb:ebpCode': r.ebp.code,
      'ceb:ebpName': r.ebp.name,
      'ceb:ebcCode': r.ebc.code,
      'ceb:ebcName': r.ebc.name,
      'ceb:logisticsNo': r.logisticsNo,
      'ceb:logisticsCode': r.logistics.code,
      'ceb:logisticsName': r.logistics.name,
      'ceb:copNo': r.copNo,
      'ceb:preNo': r.preNo,
      'ceb:invtNo': r.invtNo,
      'ceb:agentCode': r.ebc.code,
      'ceb:agentName': r.ebc.name,
      'ceb:reason': r.reason.slice(0, 1000),
      'ceb:note': '',
    },
    'ceb:InvtRefundList': r.lines.map((l) => ({
      'ceb:gnum': String(l.gnum),
      'ceb:gcode': gcodeOf(l.gcode),
      'ceb:gname': l.itemName,
      'ceb:qty': String(l.qty),
      'ceb:unit': UNIT_PIECE,
      'ceb:note': '',
    })),
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
    case 'INVENTORY':
      return inventoryEntry(d.entry, d.entry.buyerIdNumber);
    case 'RETURN':
      return returnEntry(d.entry);
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
    case 'INVENTORY':
      return d.entry.buyerIdNumber;
    case 'RETURN':
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
    case 'INVENTORY':
    case 'RETURN':
      return d.entry.copNo;
  }
}
