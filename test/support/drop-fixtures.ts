import { randomUUID } from 'node:crypto';
import type { TokenService } from '@vitrine/identity';
import type { PrismaService } from '@vitrine/shared/data-access';
import { createUser } from '@vitrine/shared/testing';

export interface BulkShopper {
  id: string;
  cartId: string;
  token: string;
}

/**
 * n shopper accounts written in bulk (created `ageDays` ago), each with a signed access token and
 * an open cart holding `quantity(i)` of the variant: thousands of shoppers without thousands of
 * sign-ups.
 */
export async function bulkShoppers(
  prisma: PrismaService,
  tokens: TokenService,
  n: number,
  variantId: string,
  quantity: number | ((i: number) => number),
  ageDays = 30,
): Promise<BulkShopper[]> {
  const template = await createUser(prisma, 'SHOPPER');
  const rows = Array.from({ length: n }, () => ({ id: randomUUID(), cartId: randomUUID() }));
  const quantities = rows.map((_, i) => (typeof quantity === 'number' ? quantity : quantity(i)));
  const at = new Date(Date.now() - ageDays * 86_400_000);
  await prisma.$executeRaw`
    INSERT INTO users (id, email, password_hash, display_name, role, created_at, updated_at)
    SELECT u, 'drop-' || u || '@example.test', ${template.passwordHash}, 'shopper', 'SHOPPER', ${at}, now() FROM unnest(${rows.map((r) => r.id)}::uuid[]) AS u`;
  await prisma.$executeRaw`
    INSERT INTO carts (id, user_id, open_user_id) SELECT c, u, u FROM unnest(${rows.map((r) => r.cartId)}::uuid[], ${rows.map((r) => r.id)}::uuid[]) AS x(c, u)`;
  await prisma.$executeRaw`
    INSERT INTO cart_items (id, cart_id, variant_id, quantity)
    SELECT gen_random_uuid(), c, ${variantId}::uuid, q FROM unnest(${rows.map((r) => r.cartId)}::uuid[], ${quantities}::int[]) AS x(c, q)`;
  return rows.map((r) => ({ ...r, token: tokens.signAccess({ userId: r.id, role: 'SHOPPER', museumIds: [], brandId: null }) }));
}

/** Runs `work` over `items` with at most `limit` in flight (real parallel HTTP requests). */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}

/** How many times each code (undefined: success, counted as OK) occurs. */
export const tally = (codes: readonly (string | undefined)[]): Record<string, number> =>
  codes.reduce<Record<string, number>>((a, c) => ({ ...a, [c ?? 'OK']: (a[c ?? 'OK'] ?? 0) + 1 }), {});
