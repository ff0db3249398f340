// The dev sandbox `npm start` runs when no customs or carrier endpoint is configured: the
// loopback customs data exchange, payment company (its customs-declaration API, declaring
// payment records to that customs) and carrier the tests use, speaking the same wire formats
// (signed CEB messages, receipts feed; alipay.acquire.customs and WeChat Pay's
// customdeclareorder on the same port, signed with WECHAT_PAY_CUSTOMS_KEY or the dev key;
// carrier JSON API), so a paid
// demo order goes all the way to DELIVERED on a laptop.
//   node -r @swc-node/register scripts/dev-gateways.ts --customs=4010 --payments=4030 --carrier=4020
// Customs checks signatures with the public half of CUSTOMS_SIGNING_KEY (the key the worker
// signs with); the carrier takes CARRIER_API_KEY (default the worker's dev key).
// --stripe=4040 runs the Stripe sandbox (test/support/stripe-loopback.ts: PaymentIntents in
// Stripe's wire format, and the wallet page where the shopper plays Alipay / WeChat Pay),
// accepting STRIPE_SECRET_KEY and signing its webhooks with STRIPE_WEBHOOK_SECRET, delivered to
// --stripe-webhook (the API's /webhooks/stripe).
// --sms=4050 runs the SMS sandbox (test/support/sms-loopback.ts: Alibaba Cloud SMS's SendSms,
// signature checked with SMS_ACCESS_KEY_ID / SMS_ACCESS_KEY_SECRET, default the API's dev
// pair); each text a guest would receive (their one-time code) is printed here.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { CarrierLoopback } from '../test/support/carrier-loopback';
import { CustomsLoopback } from '../test/support/customs-loopback';
import { startStripeLoopback } from '../test/support/stripe-loopback';
import { SmsLoopback } from '../test/support/sms-loopback';

function flag(name: string): number | null {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--${name} must be a port number`);
  return port;
}

function textFlag(name: string): string | null {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
}

async function main(): Promise<void> {
  const customsPort = flag('customs');
  const carrierPort = flag('carrier');
  const paymentsPort = flag('payments');
  if (paymentsPort !== null && customsPort === null) throw new Error('--payments needs --customs: the payment company declares to the sandbox customs');
  const closers: (() => Promise<void>)[] = [];
  if (customsPort !== null) {
    const raw = process.env['CUSTOMS_SIGNING_KEY'];
    if (!raw) throw new Error('the customs sandbox needs CUSTOMS_SIGNING_KEY (the worker signs with it)');
    const publicKey = createPublicKey(createPrivateKey(raw.includes('-----BEGIN') ? raw : Buffer.from(raw, 'base64').toString('utf8')));
    const customs = await CustomsLoopback.start({ publicKey, port: customsPort, paymentCompany: { port: paymentsPort ?? 0, wechatKey: process.env['WECHAT_PAY_CUSTOMS_KEY'] || undefined } });
    closers.push(() => customs.close());
    console.log(`customs sandbox (CEB messages and receipts) on ${customs.url}`);
    console.log(`payment company sandbox (alipay.acquire.customs) on ${customs.paymentCompany.url}`);
    console.log(`WeChat Pay customs sandbox (customdeclareorder) on ${customs.paymentCompany.url}/cgi-bin/mch/customs/customdeclareorder`);
  }
  if (carrierPort !== null) {
    const carrier = await CarrierLoopback.start({ apiKey: process.env['CARRIER_API_KEY'] ?? 'carrier-dev-key', port: carrierPort });
    closers.push(() => carrier.close());
    console.log(`carrier sandbox (waybills, bookings, tracking) on ${carrier.url}`);
  }
  const stripePort = flag('stripe');
  if (stripePort !== null) {
    const secretKey = process.env['STRIPE_SECRET_KEY'];
    const webhookSecret = process.env['STRIPE_WEBHOOK_SECRET'];
    if (!secretKey || !webhookSecret) throw new Error('the Stripe sandbox needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (the API uses the same)');
    const webhookUrl = textFlag('stripe-webhook') ?? 'http://127.0.0.1:3000/webhooks/stripe';
    // The shop's card step confirms with this key and the client secret, as Stripe.js would.
    const publishableKey = process.env['STRIPE_SANDBOX_PUBLISHABLE_KEY'];
    const stripe = await startStripeLoopback({ port: stripePort, secretKey, webhookSecret, webhookUrl, ...(publishableKey ? { publishableKey } : {}) });
    closers.push(() => stripe.close());
    console.log(`Stripe sandbox (PaymentIntents: card, alipay, wechat_pay) on ${stripe.url}, webhooks to ${webhookUrl}`);
    console.log(`Stripe sandbox wallet page: ${stripe.url}/sandbox/wallet/<payment_intent> (Checkout.paymentAction links there)`);
  }
  const smsPort = flag('sms');
  if (smsPort !== null) {
    const sms = await SmsLoopback.start({
      port: smsPort,
      accessKeyId: process.env['SMS_ACCESS_KEY_ID'] ?? 'sms-dev-key',
      accessKeySecret: process.env['SMS_ACCESS_KEY_SECRET'] ?? 'sms-dev-secret',
      template: process.env['SMS_TEMPLATE_GUEST_CODE'] ?? 'SMS_000000001',
      // The developer's phone: what a guest would read.
      onSend: (m) => console.log(`SMS to ${m.phone} (${m.template}): ${JSON.stringify(m.params)}`),
    });
    closers.push(() => sms.close());
    console.log(`SMS sandbox (Alibaba Cloud SendSms) on ${sms.url}`);
  }
  const stop = () => void Promise.all(closers.map((c) => c())).finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  console.log('gateways ready');
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
