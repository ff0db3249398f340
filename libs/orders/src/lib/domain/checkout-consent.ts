import type { ShopperLocale } from './checkout-input';

/**
 * The separate consent to the use of the resident ID number (PIPL art. 29) that checkout shows
 * and records. The text is built here, with the retention figure the retention job applies
 * (PII_RETENTION_DAYS_AFTER_RELEASE, ADR 0011), and served over GraphQL (`checkoutConsent`), so
 * what the shopper agrees to and what the system does cannot drift apart. The recorded version
 * names both the wording and the figure: a change of either is a new consent.
 */

/** The wording's version; `2026-11` promised destruction within 15 days of release (issue 20). */
export const CONSENT_TEXT_VERSION = '2026-12';

/** What checkout records in `checkouts.consent_version`: the wording and the retention figure it stated, e.g. `2026-12+r90`. */
export function consentVersionFor(retentionDaysAfterRelease: number): string {
  return `${CONSENT_TEXT_VERSION}+r${retentionDaysAfterRelease}`;
}

export interface IdUseConsent {
  version: string;
  locale: ShopperLocale;
  retentionDaysAfterRelease: number;
  title: string;
  text: string;
  label: string;
}

const TEXTS: Record<ShopperLocale, { title: string; label: string; text: (days: number) => string }> = {
  'zh-CN': {
    title: '身份证号的使用',
    label: '我同意为本次海关申报使用并传输我的身份证号。',
    text: (d) =>
      `根据法律规定，您的真实姓名和身份证号将发送给中国海关和支付公司，用于申报本次跨境购买。身份证号加密保存，仅以打码形式显示。` +
      `使用该身份证号的最后一笔订单经海关放行（或退款、取消）后，身份证号再保存 ${d} 天，然后销毁：退货须在放行后 30 天内申请、45 天内运回海关监管场所并向海关申报。` +
      `在此之前，如您登录下单，该身份证号会以打码形式在您今后的结算中供选用。您可随时在“我的账户”中删除：立即销毁，若仍有订单等待海关放行，则在放行后销毁。您的订单仍保留打码的身份证号。`,
  },
  en: {
    title: 'Use of your ID number',
    label: 'I agree that my ID number is used and transferred for this customs declaration.',
    text: (d) =>
      `Your real name and resident ID number are sent to China Customs and the payment company to declare this cross-border purchase, as the law requires. The number is stored encrypted and shown masked. ` +
      `It is kept for ${d} days after customs has released (or we refunded or cancelled) the last order placed with it, then destroyed: returns are applied for within 30 days of release, the goods must be back at the customs site within 45 days, and the return is declared to customs. ` +
      `Until then, if you order signed in, it is offered (masked) at your next checkouts. You can delete it at any time under My account: it is destroyed at once, or once customs has released an order still waiting for it. Your orders keep the masked number.`,
  },
  fr: {
    title: 'Utilisation de votre numéro d’identité',
    label: 'J’accepte que mon numéro d’identité soit utilisé et transmis pour cette déclaration en douane.',
    text: (d) =>
      `Votre nom réel et votre numéro d’identité sont transmis à la douane chinoise et à la société de paiement pour déclarer cet achat transfrontalier, comme la loi l’exige. Le numéro est conservé chiffré et affiché masqué. ` +
      `Il est gardé ${d} jours après la mainlevée (ou le remboursement, l’annulation) de la dernière commande passée avec lui, puis détruit : un retour se demande dans les 30 jours suivant la mainlevée, la marchandise doit revenir au site sous douane dans les 45 jours, et le retour est déclaré à la douane. ` +
      `Jusque-là, si vous commandez connecté, il vous est proposé (masqué) à vos prochaines commandes. Vous pouvez le supprimer à tout moment dans Mon compte : il est détruit aussitôt, ou dès la mainlevée d’une commande qui l’attend encore. Vos commandes gardent le numéro masqué.`,
  },
};

export function idUseConsent(locale: ShopperLocale, retentionDaysAfterRelease: number): IdUseConsent {
  const t = TEXTS[locale];
  return { version: consentVersionFor(retentionDaysAfterRelease), locale, retentionDaysAfterRelease, title: t.title, text: t.text(retentionDaysAfterRelease), label: t.label };
}
