// The card step's side of Stripe (server only). With STRIPE_PUBLISHABLE_KEY the browser loads
// Stripe.js and its Payment Element confirms the PaymentIntent. Without it, `npm start` and the
// browser tests run the Stripe sandbox (STRIPE_SANDBOX_URL): Stripe.js cannot load there, so
// the shop's server confirms the intent at the sandbox exactly as Stripe.js would (the
// publishable-style key and the client secret, a pm_card_* test PaymentMethod, return_url).

export type CardMode = { kind: 'stripe'; publishableKey: string } | { kind: 'sandbox'; url: string; publishableKey: string } | { kind: 'none' };

export function cardMode(): CardMode {
  const publishableKey = process.env['STRIPE_PUBLISHABLE_KEY']?.trim();
  if (publishableKey) return { kind: 'stripe', publishableKey };
  const url = process.env['STRIPE_SANDBOX_URL']?.trim().replace(/\/+$/, '');
  const sandboxKey = process.env['STRIPE_SANDBOX_PUBLISHABLE_KEY']?.trim();
  if (url && sandboxKey) return { kind: 'sandbox', url, publishableKey: sandboxKey };
  return { kind: 'none' };
}

/** What the sandbox answered: where the shopper approves (3-D Secure), or Stripe's error code. */
export type SandboxConfirmation = { ok: true; redirectUrl: string | null; status: string } | { ok: false; code: string };

/** POST /v1/payment_intents/:id/confirm as Stripe.js sends it (form-encoded, publishable key, client secret). */
export async function confirmAtSandbox(
  sandbox: { url: string; publishableKey: string },
  args: { paymentIntentId: string; clientSecret: string; paymentMethod: string; returnUrl: string },
): Promise<SandboxConfirmation> {
  const body = new URLSearchParams({ client_secret: args.clientSecret, payment_method: args.paymentMethod, return_url: args.returnUrl, use_stripe_sdk: 'false' });
  let res: Response;
  try {
    res = await fetch(`${sandbox.url}/v1/payment_intents/${encodeURIComponent(args.paymentIntentId)}/confirm`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.publishableKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return { ok: false, code: 'PAYMENT_PROVIDER_UNAVAILABLE' };
  }
  const json = (await res.json().catch(() => null)) as { status?: string; next_action?: { redirect_to_url?: { url?: string } } | null; error?: { code?: string } } | null;
  if (!res.ok || !json || json.error) return { ok: false, code: json?.error?.code ?? 'PAYMENT_PROVIDER_UNAVAILABLE' };
  return { ok: true, status: String(json.status ?? ''), redirectUrl: json.next_action?.redirect_to_url?.url ?? null };
}
