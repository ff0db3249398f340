import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { PrismaService, Role } from '@vitrine/shared/data-access';

const uniq = () => randomBytes(4).toString('hex');

/** A password every factory user shares, hashed once per process. */
export const TEST_PASSWORD = 'correct-horse-battery-staple';
let hashed: Promise<string> | null = null;
const passwordHash = () => (hashed ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id }));

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
      passwordHash: await passwordHash(),
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
