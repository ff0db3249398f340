import { randomBytes } from 'node:crypto';
import type { PrismaService, Role } from '@vitrine/shared/data-access';

const uniq = () => randomBytes(4).toString('hex');

/** A password every factory user shares. */
export const TEST_PASSWORD = 'correct-horse-battery-staple';
/**
 * TEST_PASSWORD's argon2id hash, computed once and written here (issue 23) at a test fixture's cost
 * (m=1 MiB, t=1, p=1: ~3 ms to verify) instead of the production cost every sign-in of a factory
 * user paid (m=64 MiB, t=3, p=4: ~300 ms of CPU, and ~300 ms more to hash it in every test file).
 * The API verifies any argon2id hash by the parameters it carries; what it hashes itself
 * (sign-up, its unknown-email dummy) keeps the production cost. Made with
 * `argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 })`.
 */
export const TEST_PASSWORD_HASH = '$argon2id$v=19$m=1024,p=1,t=1$+Ao7mXetscdBZn0Nv5mRFw$sdfVhgl5cPRLFA4rfXU8VrA8sh36dXnx8u2mEm4MBSg';

/**
 * A museum with its storefront, registered with customs (a 10-character code of its own)
 * unless `customsCode: null`: an unregistered museum may not sell to China.
 */
export async function createMuseum(prisma: PrismaService, over: { slug?: string; nameEn?: string; storefrontStatus?: 'DRAFT' | 'OPEN' | 'CLOSED'; customsCode?: string | null } = {}) {
  const slug = over.slug ?? `museum-${uniq()}`;
  const customsCode = over.customsCode === undefined ? `31${uniq().toUpperCase()}` : over.customsCode;
  return prisma.museum.create({
    data: {
      slug,
      legalName: `${over.nameEn ?? slug} SA`,
      country: 'FR',
      storefront: {
        create: {
          status: over.storefrontStatus ?? 'OPEN',
          nameFr: over.nameEn ?? slug,
          nameEn: over.nameEn ?? slug,
          nameZh: `${over.nameEn ?? slug}（中文）`,
          customsCode,
          customsName: customsCode ? `${over.nameEn ?? slug} Cross-border Trading` : null,
        },
      },
    },
    include: { storefront: true },
  });
}

export async function createBrand(prisma: PrismaService, over: { slug?: string; name?: string } = {}) {
  const slug = over.slug ?? `brand-${uniq()}`;
  return prisma.brand.create({ data: { slug, name: over.name ?? slug, country: 'FR' } });
}

export async function createUser(
  prisma: PrismaService,
  role: Role,
  over: { email?: string; museumIds?: string[]; brandId?: string | null; displayName?: string } = {},
) {
  const email = over.email ?? `${role.toLowerCase()}-${uniq()}@example.test`;
  const user = await prisma.user.create({
    data: {
      email,
      passwordHash: TEST_PASSWORD_HASH,
      displayName: over.displayName ?? email,
      role,
      brandId: over.brandId ?? null,
      memberships: { create: (over.museumIds ?? []).map((museumId) => ({ museumId })) },
    },
  });
  return { ...user, password: TEST_PASSWORD };
}

export async function setFxRate(prisma: PrismaService, rate = '7.8000', quote = 'CNY') {
  return prisma.fxRate.create({ data: { base: 'EUR', quote, rate, source: 'test', effectiveAt: new Date() } });
}
