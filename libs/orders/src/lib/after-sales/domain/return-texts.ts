/**
 * A return's history and the shopper's notices are stored as codes (the step's kind) and
 * parameters, never as sentences: they are written here, in the reader's language, when read.
 * People's own words (a seller's comment, customs' reason, the carrier's place) are parameters
 * shown as written.
 */
export const TEXT_LOCALES = ['en', 'fr', 'zh-CN'] as const;
export type TextLocale = (typeof TEXT_LOCALES)[number];

/** A locale tag (`zh-CN`, `zh-Hans`, `fr-FR`, an Accept-Language header) to one we write; English otherwise. */
export function textLocale(tag: string | null | undefined, fallback: TextLocale = 'en'): TextLocale {
  for (const part of (tag ?? '').split(',')) {
    const t = part.trim().split(';')[0]!.toLowerCase();
    if (t.startsWith('zh')) return 'zh-CN';
    if (t.startsWith('fr')) return 'fr';
    if (t.startsWith('en')) return 'en';
  }
  return fallback;
}

/**
 * The language of a shopper's notice: the one asked for (`locale`, else Accept-Language), else
 * the language the shopper placed the order in, else the shop's own, zh-CN (the shoppers are
 * in China; a drop's or back-in-stock notice has no order).
 */
export function noticeLocale(asked: string | null | undefined, orderLocale: string | null | undefined): TextLocale {
  return textLocale(asked, textLocale(orderLocale, 'zh-CN'));
}

export type TextParams = Record<string, unknown>;

/** Stored parameters (a JSON value) as an object; anything else reads as none. */
export function textParams(v: unknown): TextParams {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as TextParams) : {};
}

const REASONS: Record<TextLocale, Record<string, string>> = {
  en: { CHANGED_MIND: 'changed their mind', DAMAGED: 'damaged', WRONG_ITEM: 'wrong item' },
  fr: { CHANGED_MIND: 'a changé d’avis', DAMAGED: 'endommagé', WRONG_ITEM: 'mauvais article' },
  'zh-CN': { CHANGED_MIND: '不想要了', DAMAGED: '商品损坏', WRONG_ITEM: '发错商品' },
};

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);

function money(locale: TextLocale, p: TextParams): string {
  const currency = str(p['currency']) || 'CNY';
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(num(p['amountMinor']) / 100);
}

function date(locale: TextLocale, v: unknown): string {
  const d = new Date(str(v));
  return Number.isNaN(d.getTime()) ? str(v) : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(d);
}

const sum = (lines: unknown, key: string, when?: (l: Record<string, unknown>) => boolean) =>
  (Array.isArray(lines) ? (lines as Record<string, unknown>[]) : []).filter((l) => !when || when(l)).reduce((a, l) => a + num(l[key]), 0);

type Texts = Record<string, (p: TextParams) => string>;

const EVENTS: Record<TextLocale, Texts> = {
  en: {
    REQUESTED: (p) => `Reason: ${REASONS.en[str(p['reason'])] ?? str(p['reason'])}; ${sum(p['lines'], 'quantity')} unit(s)`,
    ACCEPTED: (p) => str(p['comment']),
    REFUSED: (p) => str(p['comment']),
    WAYBILL: (p) => `Return waybill ${str(p['waybill'])}`,
    CUSTOMS_ACCEPTED: () => 'Customs accepted the return declaration',
    CUSTOMS_REJECTED: (p) => `Customs refused the return declaration: ${str(p['reason'])}`,
    ARRIVED: (p) => `The carrier delivered the parcel: ${str(p['place'])}`,
    RECEIVED: () => 'Marked received by the seller',
    INSPECTED: (p) => `${sum(p['lines'], 'accepted')} unit(s) accepted, ${sum(p['lines'], 'accepted', (l) => l['sellable'] === true)} back on sale`,
    REFUNDED: (p) => (num(p['amountMinor']) > 0 ? `${money('en', p)} refunded` : 'Nothing accepted: nothing to refund'),
    REFUND_FAILED: (p) => (p['error'] ? `The refund could not be made (${str(p['error'])})` : `Stripe reported the refund ${str(p['status']) || 'failed'}: refund it again`),
    LATE: (p) => `Not at the supervised site by ${date('en', p['deadline'])}`,
    PHOTOS_DELETED: (p) => `The shopper’s ${num(p['count'])} photo(s) deleted`,
  },
  fr: {
    REQUESTED: (p) => `Motif : ${REASONS.fr[str(p['reason'])] ?? str(p['reason'])} ; ${sum(p['lines'], 'quantity')} unité(s)`,
    ACCEPTED: (p) => str(p['comment']),
    REFUSED: (p) => str(p['comment']),
    WAYBILL: (p) => `Lettre de transport retour ${str(p['waybill'])}`,
    CUSTOMS_ACCEPTED: () => 'La douane a accepté la déclaration de retour',
    CUSTOMS_REJECTED: (p) => `La douane a refusé la déclaration de retour : ${str(p['reason'])}`,
    ARRIVED: (p) => `Le transporteur a livré le colis : ${str(p['place'])}`,
    RECEIVED: () => 'Marqué reçu par le vendeur',
    INSPECTED: (p) => `${sum(p['lines'], 'accepted')} unité(s) acceptée(s), ${sum(p['lines'], 'accepted', (l) => l['sellable'] === true)} remise(s) en vente`,
    REFUNDED: (p) => (num(p['amountMinor']) > 0 ? `${money('fr', p)} remboursés` : 'Rien d’accepté : rien à rembourser'),
    REFUND_FAILED: (p) => (p['error'] ? `Le remboursement n’a pas pu être fait (${str(p['error'])})` : `Stripe signale le remboursement ${str(p['status']) || 'failed'} : remboursez à nouveau`),
    LATE: (p) => `Pas au site sous douane le ${date('fr', p['deadline'])}`,
    PHOTOS_DELETED: (p) => `${num(p['count'])} photo(s) du client supprimée(s)`,
  },
  'zh-CN': {
    REQUESTED: (p) => `原因：${REASONS['zh-CN'][str(p['reason'])] ?? str(p['reason'])}；共 ${sum(p['lines'], 'quantity')} 件`,
    ACCEPTED: (p) => str(p['comment']),
    REFUSED: (p) => str(p['comment']),
    WAYBILL: (p) => `退货运单号 ${str(p['waybill'])}`,
    CUSTOMS_ACCEPTED: () => '海关已接受退货申报',
    CUSTOMS_REJECTED: (p) => `海关未接受退货申报：${str(p['reason'])}`,
    ARRIVED: (p) => `承运商已送达包裹：${str(p['place'])}`,
    RECEIVED: () => '卖家已确认收到包裹',
    INSPECTED: (p) => `验收通过 ${sum(p['lines'], 'accepted')} 件，其中 ${sum(p['lines'], 'accepted', (l) => l['sellable'] === true)} 件重新上架`,
    REFUNDED: (p) => (num(p['amountMinor']) > 0 ? `已退款 ${money('zh-CN', p)}` : '无验收通过的商品，无需退款'),
    REFUND_FAILED: (p) => (p['error'] ? `退款未能完成（${str(p['error'])}）` : `退款未成功（${str(p['status']) || 'failed'}），请重新退款`),
    LATE: (p) => `未在 ${date('zh-CN', p['deadline'])} 前送达海关监管场所`,
    PHOTOS_DELETED: (p) => `已删除顾客上传的 ${num(p['count'])} 张照片`,
  },
};

const NOTICES: Record<TextLocale, Texts> = {
  en: {
    REQUESTED: () => 'Your return request was received; the shop will answer it.',
    ACCEPTED: (p) => `Your return was accepted. Send the parcel before ${date('en', p['arrivalDeadline'])}.`,
    REFUSED: (p) => `Your return was refused: ${str(p['comment'])}`,
    WAYBILL: (p) => `Your return waybill is ${str(p['waybill'])}; the carrier will pick the parcel up.`,
    ARRIVED: () => 'Your returned parcel has arrived at the shop’s site.',
    RECEIVED: () => 'Your returned parcel has arrived at the shop’s site.',
    INSPECTED: () => 'Your returned parcel arrived and was inspected.',
    REFUNDED: (p) => `Your refund of ${money('en', p)} is on its way.`,
    REFUND_FAILED: () => 'Your refund could not be made yet; the shop will try again.',
    CUSTOMS_ACCEPTED: () => 'Customs accepted your return: the tax is not charged and your yearly quota is restored.',
    CUSTOMS_REJECTED: () => 'Customs did not accept the return declaration yet; the shop will follow it up.',
    LATE: (p) => `Your returned parcel has not reached the customs-supervised site by ${date('en', p['deadline'])}.`,
  },
  fr: {
    REQUESTED: () => 'Votre demande de retour a été reçue ; la boutique va y répondre.',
    ACCEPTED: (p) => `Votre retour a été accepté. Envoyez le colis avant le ${date('fr', p['arrivalDeadline'])}.`,
    REFUSED: (p) => `Votre retour a été refusé : ${str(p['comment'])}`,
    WAYBILL: (p) => `Votre lettre de transport retour est ${str(p['waybill'])} ; le transporteur viendra chercher le colis.`,
    ARRIVED: () => 'Votre colis retourné est arrivé chez la boutique.',
    RECEIVED: () => 'Votre colis retourné est arrivé chez la boutique.',
    INSPECTED: () => 'Votre colis retourné est arrivé et a été contrôlé.',
    REFUNDED: (p) => `Votre remboursement de ${money('fr', p)} est en cours.`,
    REFUND_FAILED: () => 'Votre remboursement n’a pas encore pu être fait ; la boutique va réessayer.',
    CUSTOMS_ACCEPTED: () => 'La douane a accepté votre retour : la taxe n’est pas due et votre quota annuel est rétabli.',
    CUSTOMS_REJECTED: () => 'La douane n’a pas encore accepté la déclaration de retour ; la boutique s’en occupe.',
    LATE: (p) => `Votre colis retourné n’est pas arrivé au site sous douane le ${date('fr', p['deadline'])}.`,
  },
  'zh-CN': {
    REQUESTED: () => '已收到您的退货申请，商家将尽快答复。',
    ACCEPTED: (p) => `您的退货申请已通过，请在 ${date('zh-CN', p['arrivalDeadline'])} 前寄回包裹。`,
    REFUSED: (p) => `您的退货申请未通过：${str(p['comment'])}`,
    WAYBILL: (p) => `您的退货运单号为 ${str(p['waybill'])}，承运商将上门取件。`,
    ARRIVED: () => '您退回的包裹已送达商家。',
    RECEIVED: () => '您退回的包裹已送达商家。',
    INSPECTED: () => '您退回的包裹已送达并完成验收。',
    REFUNDED: (p) => `退款 ${money('zh-CN', p)} 正在退回您的账户。`,
    REFUND_FAILED: () => '退款暂未成功，商家将再次尝试。',
    CUSTOMS_ACCEPTED: () => '海关已接受您的退货：税款不予征收，您的年度额度已恢复。',
    CUSTOMS_REJECTED: () => '海关暂未接受退货申报，商家将跟进处理。',
    LATE: (p) => `您退回的包裹未在 ${date('zh-CN', p['deadline'])} 前送达海关监管场所。`,
  },
};

/** The return step's detail in `locale`; a kind without a text shows its code. */
export function returnEventText(kind: string, params: TextParams, locale: TextLocale): string {
  return (EVENTS[locale][kind] ?? (() => kind))(params);
}

/** The shopper's notice of a return step in `locale`. */
export function returnNoticeText(kind: string, params: TextParams, locale: TextLocale): string {
  return (NOTICES[locale][kind] ?? (() => kind))(params);
}

/** The kinds with texts in every locale (a spec checks they match). */
export const RETURN_TEXT_KINDS = Object.keys(EVENTS.en);
export const RETURN_NOTICE_KINDS = Object.keys(NOTICES.en);
export const TEXT_CATALOGUES = { events: EVENTS, notices: NOTICES };
