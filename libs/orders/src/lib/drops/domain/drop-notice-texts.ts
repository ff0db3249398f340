import type { TextLocale, TextParams } from '../../after-sales/domain/return-texts';

/**
 * Drop and back-in-stock notices are stored as codes (the kind) and parameters, like a return's
 * (after-sales' return-texts), and written here in the reader's language when read. The item is
 * named by its product's name in that language, read with the notice (`name`, '' when unknown).
 *
 * Parameters: DROP_OPEN and DROP_NOT_SELECTED `mode` (QUEUE | DRAW), DROP_TURN and DROP_WON
 * `turnEndsAt` (ISO time the turn ends), DROP_CANCELLED `reason` (the operator's words, shown as
 * written). DROP_TURN_EXPIRED and BACK_IN_STOCK have none.
 */
export const DROP_NOTICE_KINDS = ['DROP_OPEN', 'DROP_TURN', 'DROP_WON', 'DROP_TURN_EXPIRED', 'DROP_NOT_SELECTED', 'DROP_CANCELLED', 'BACK_IN_STOCK'] as const;
export type DropNoticeKind = (typeof DROP_NOTICE_KINDS)[number];

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function time(locale: TextLocale, v: unknown): string {
  const d = new Date(str(v));
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(d);
}

type Text = (p: TextParams, name: string) => string;
const draw = (p: TextParams) => str(p['mode']) === 'DRAW';

const TEXTS: Record<TextLocale, Record<DropNoticeKind, Text>> = {
  en: {
    DROP_OPEN: (p, n) =>
      draw(p) ? (n ? `Registration is open for the limited edition of ${n}.` : 'Registration for a drop you follow is open.') : n ? `The limited edition of ${n} is on sale: join the queue.` : 'A drop you follow has started.',
    DROP_TURN: (p, n) => `It is your turn: pay for ${n || 'your limited edition'} ${time('en', p['turnEndsAt']) ? `by ${time('en', p['turnEndsAt'])}` : 'before your time ends'}.`,
    DROP_WON: (p, n) => `You were drawn: pay for ${n || 'your limited edition'} ${time('en', p['turnEndsAt']) ? `by ${time('en', p['turnEndsAt'])}` : 'before your time ends'}.`,
    DROP_TURN_EXPIRED: (_p, n) => `Your turn${n ? ` for ${n}` : ' in the drop'} ended before payment.`,
    DROP_NOT_SELECTED: (p, n) => (draw(p) ? `You were not drawn this time${n ? ` for ${n}` : ''}.` : `The limited edition${n ? ` of ${n}` : ''} has ended.`),
    DROP_CANCELLED: (p, n) => `${n ? `The limited edition of ${n}` : 'A drop you follow'} was cancelled${str(p['reason']) ? `: ${str(p['reason'])}` : '.'}`,
    BACK_IN_STOCK: (_p, n) => (n ? `${n} is back in stock.` : 'An item you asked about is back in stock.'),
  },
  fr: {
    DROP_OPEN: (p, n) =>
      draw(p)
        ? n
          ? `Les inscriptions sont ouvertes pour l’édition limitée ${n}.`
          : 'Les inscriptions sont ouvertes pour une édition limitée que vous suivez.'
        : n
          ? `L’édition limitée ${n} est en vente : rejoignez la file.`
          : 'Une édition limitée que vous suivez a commencé.',
    DROP_TURN: (p, n) => `C’est votre tour : payez ${n || 'votre édition limitée'} ${time('fr', p['turnEndsAt']) ? `avant le ${time('fr', p['turnEndsAt'])}` : 'avant la fin du délai'}.`,
    DROP_WON: (p, n) => `Vous avez été tiré au sort : payez ${n || 'votre édition limitée'} ${time('fr', p['turnEndsAt']) ? `avant le ${time('fr', p['turnEndsAt'])}` : 'avant la fin du délai'}.`,
    DROP_TURN_EXPIRED: (_p, n) => `Votre tour${n ? ` pour ${n}` : ''} a pris fin avant le paiement.`,
    DROP_NOT_SELECTED: (p, n) => (draw(p) ? `Vous n’avez pas été tiré au sort cette fois${n ? ` pour ${n}` : ''}.` : `L’édition limitée${n ? ` ${n}` : ''} est terminée.`),
    DROP_CANCELLED: (p, n) => `${n ? `L’édition limitée ${n}` : 'Une édition limitée que vous suivez'} a été annulée${str(p['reason']) ? ` : ${str(p['reason'])}` : '.'}`,
    BACK_IN_STOCK: (_p, n) => (n ? `${n} est de nouveau en stock.` : 'Un article que vous attendiez est de nouveau en stock.'),
  },
  'zh-CN': {
    DROP_OPEN: (p, n) => (draw(p) ? (n ? `「${n}」限量发售已开放登记。` : '您关注的限量发售已开放登记。') : n ? `「${n}」限量发售已开始，请排队购买。` : '您关注的限量发售已开始。'),
    DROP_TURN: (p, n) => `轮到您了：请在${time('zh-CN', p['turnEndsAt']) ? ` ${time('zh-CN', p['turnEndsAt'])} 前` : '时限内'}为${n ? `「${n}」` : '限量商品'}付款。`,
    DROP_WON: (p, n) => `您已中签：请在${time('zh-CN', p['turnEndsAt']) ? ` ${time('zh-CN', p['turnEndsAt'])} 前` : '时限内'}为${n ? `「${n}」` : '限量商品'}付款。`,
    DROP_TURN_EXPIRED: (_p, n) => `您${n ? `在「${n}」限量发售中` : ''}的购买时段已在付款前结束。`,
    DROP_NOT_SELECTED: (p, n) => (draw(p) ? `很遗憾，您本次未抽中${n ? `「${n}」` : ''}。` : `${n ? `「${n}」` : ''}限量发售已结束。`),
    DROP_CANCELLED: (p, n) => `${n ? `「${n}」` : '您关注的'}限量发售已取消${str(p['reason']) ? `：${str(p['reason'])}` : '。'}`,
    BACK_IN_STOCK: (_p, n) => (n ? `「${n}」已补货。` : '您关注的商品已补货。'),
  },
};

export function isDropNoticeKind(kind: string): kind is DropNoticeKind {
  return (DROP_NOTICE_KINDS as readonly string[]).includes(kind);
}

/** The notice in `locale`, naming the item `name` ('' when unknown); a kind without a text shows its code. */
export function dropNoticeText(kind: string, params: TextParams, locale: TextLocale, name: string): string {
  return isDropNoticeKind(kind) ? TEXTS[locale][kind](params, name.trim()) : kind;
}

export const DROP_NOTICE_CATALOGUE = TEXTS;

/** The product's name for `locale`: its own, else English, French, Chinese, whichever is there first. */
export function nameFor(locale: TextLocale, name: { fr: string; en: string; zh: string }): string {
  const order = locale === 'zh-CN' ? [name.zh, name.en, name.fr] : locale === 'fr' ? [name.fr, name.en, name.zh] : [name.en, name.fr, name.zh];
  return order.find((n) => n && n.trim()) ?? '';
}
