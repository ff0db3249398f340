export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /**
   * Signing secret of the Connect endpoint (/webhooks/stripe-connect): connected accounts'
   * events. Null when unset in production: that endpoint then refuses every event (400), and
   * the API still starts (a deployment without seller payouts needs no Connect endpoint).
   */
  connectWebhookSecret: string | null;
  /** Where the SDK sends requests: api.stripe.com by default; tests point it at a loopback. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  maxNetworkRetries: number;
  timeoutMs: number;
  /** Seconds a signed webhook stays acceptable (Stripe's default 300). */
  webhookToleranceSeconds: number;
}

/**
 * STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_CONNECT_WEBHOOK_SECRET, STRIPE_API_HOST / STRIPE_API_PORT /
 * STRIPE_API_PROTOCOL, STRIPE_MAX_NETWORK_RETRIES, STRIPE_TIMEOUT_MS. Outside production,
 * placeholders let the app start without Stripe (payment calls then fail cleanly).
 */
export function stripeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): StripeSettings {
  const production = env['NODE_ENV'] === 'production';
  const required = (name: string, placeholder: string) => {
    const value = env[name];
    if (value) return value;
    if (production) throw new Error(`${name} must be set in production`);
    return placeholder;
  };
  const protocol = env['STRIPE_API_PROTOCOL'];
  if (protocol && protocol !== 'http' && protocol !== 'https') throw new Error('STRIPE_API_PROTOCOL must be http or https');
  return {
    secretKey: required('STRIPE_SECRET_KEY', 'sk_test_vitrine_placeholder'),
    webhookSecret: required('STRIPE_WEBHOOK_SECRET', 'whsec_vitrine_placeholder'),
    connectWebhookSecret: env['STRIPE_CONNECT_WEBHOOK_SECRET'] || (production ? null : 'whsec_vitrine_connect_placeholder'),
    host: env['STRIPE_API_HOST'] || undefined,
    port: env['STRIPE_API_PORT'] ? Number(env['STRIPE_API_PORT']) : undefined,
    protocol: protocol as StripeSettings['protocol'],
    maxNetworkRetries: Number(env['STRIPE_MAX_NETWORK_RETRIES'] ?? 2),
    timeoutMs: Number(env['STRIPE_TIMEOUT_MS'] ?? 15_000),
    webhookToleranceSeconds: Number(env['STRIPE_WEBHOOK_TOLERANCE_SECONDS'] ?? 300),
  };
}
