import { checkSandboxCard, luhnValid, paymentIntentOf, SANDBOX_TEST_CARD, testPaymentMethod } from './card';

describe('card step rules', () => {
  const now = new Date('2026-12-06T12:00:00Z');

  it('checks the Luhn digit', () => {
    expect(luhnValid('4242 4242 4242 4242')).toBe(true);
    expect(luhnValid('4242 4242 4242 4241')).toBe(false);
    expect(luhnValid('4242')).toBe(false);
    expect(luhnValid('4242-4242-4242-424x')).toBe(false);
  });

  it('takes Stripe’s test cards only, as their pm_card_* PaymentMethods', () => {
    expect(testPaymentMethod(SANDBOX_TEST_CARD)).toBe('pm_card_visa');
    expect(testPaymentMethod('5555-5555-5555-4444')).toBe('pm_card_mastercard');
    expect(testPaymentMethod('378282246310005')).toBe('pm_card_amex');
    // A valid number that is no test card: a real card never reaches the sandbox.
    expect(testPaymentMethod('4111111111111111')).toBeNull();
  });

  it('reads the PaymentIntent out of its client secret', () => {
    expect(paymentIntentOf('pi_3AbC123_secret_XyZ789')).toBe('pi_3AbC123');
    expect(paymentIntentOf('pi_3AbC123')).toBeNull();
    expect(paymentIntentOf('seti_1_secret_2')).toBeNull();
  });

  it('refuses at the field: number, expiry (not before this month), security code', () => {
    expect(checkSandboxCard({ number: SANDBOX_TEST_CARD, expiry: '12/30', cvc: '123' }, now)).toEqual({ paymentMethod: 'pm_card_visa' });
    expect(checkSandboxCard({ number: '4242 4242 4242 4241', expiry: '12/30', cvc: '123' }, now)).toEqual({ field: 'number', code: 'CARD_NUMBER_INVALID' });
    expect(checkSandboxCard({ number: SANDBOX_TEST_CARD, expiry: '12/26', cvc: '123' }, now)).toEqual({ paymentMethod: 'pm_card_visa' });
    expect(checkSandboxCard({ number: SANDBOX_TEST_CARD, expiry: '11/26', cvc: '123' }, now)).toEqual({ field: 'expiry', code: 'CARD_EXPIRY_INVALID' });
    expect(checkSandboxCard({ number: SANDBOX_TEST_CARD, expiry: '13/30', cvc: '123' }, now)).toEqual({ field: 'expiry', code: 'CARD_EXPIRY_INVALID' });
    expect(checkSandboxCard({ number: SANDBOX_TEST_CARD, expiry: '1230', cvc: '123' }, now)).toEqual({ field: 'expiry', code: 'CARD_EXPIRY_INVALID' });
    expect(checkSandboxCard({ number: SANDBOX_TEST_CARD, expiry: '12/30', cvc: '12' }, now)).toEqual({ field: 'cvc', code: 'CARD_CVC_INVALID' });
    expect(checkSandboxCard({ number: '378282246310005', expiry: '12/30', cvc: '123' }, now)).toEqual({ field: 'cvc', code: 'CARD_CVC_INVALID' });
    expect(checkSandboxCard({ number: '378282246310005', expiry: '12/30', cvc: '1234' }, now)).toEqual({ paymentMethod: 'pm_card_amex' });
  });
});
