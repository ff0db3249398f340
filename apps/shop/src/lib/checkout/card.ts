// The card step's rules, apart from any request: which test card the Stripe sandbox takes,
// the PaymentIntent a client secret belongs to, and the sandbox form's checks.

/** Stripe's test card numbers and the test PaymentMethod each stands for (pm_card_*). */
const TEST_CARDS: Readonly<Record<string, string>> = {
  '4242424242424242': 'pm_card_visa',
  '4000056655665556': 'pm_card_visa_debit',
  '5555555555554444': 'pm_card_mastercard',
  '378282246310005': 'pm_card_amex',
  '6200000000000005': 'pm_card_unionpay',
};

/** What the sandbox form shows filled in: Stripe's Visa test card. */
export const SANDBOX_TEST_CARD = '4242 4242 4242 4242';

export type SandboxCardError = 'CARD_NUMBER_INVALID' | 'CARD_EXPIRY_INVALID' | 'CARD_CVC_INVALID';

const digits = (v: string) => v.replace(/[\s-]/g, '');

/** The Luhn checksum every card number carries. */
export function luhnValid(number: string): boolean {
  const d = digits(number);
  if (!/^\d{12,19}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** The pm_card_* PaymentMethod of one of Stripe's test cards; null for any other number. */
export function testPaymentMethod(number: string): string | null {
  const d = digits(number);
  return luhnValid(d) ? (TEST_CARDS[d] ?? null) : null;
}

/** `pi_…_secret_…` → `pi_…`; null when it is no client secret. */
export function paymentIntentOf(clientSecret: string): string | null {
  return /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret)?.[1] ?? null;
}

/**
 * The sandbox form's checks, as Stripe's test mode makes them: a test card number, an expiry
 * (MM/YY) not before this month, a 3-digit security code (4 for American Express).
 */
export function checkSandboxCard(input: { number: string; expiry: string; cvc: string }, now: Date): { paymentMethod: string } | { field: 'number' | 'expiry' | 'cvc'; code: SandboxCardError } {
  const paymentMethod = testPaymentMethod(input.number);
  if (!paymentMethod) return { field: 'number', code: 'CARD_NUMBER_INVALID' };
  const m = /^\s*(\d{2})\s*\/\s*(\d{2})\s*$/.exec(input.expiry);
  const month = m ? Number(m[1]) : 0;
  const year = m ? 2000 + Number(m[2]) : 0;
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (!m || month < 1 || month > 12 || year * 12 + month - 1 < thisMonth) return { field: 'expiry', code: 'CARD_EXPIRY_INVALID' };
  const cvcLength = paymentMethod === 'pm_card_amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc.trim())) return { field: 'cvc', code: 'CARD_CVC_INVALID' };
  return { paymentMethod };
}
