import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError, isUuid, validate, type Actor } from '@vitrine/shared/kernel';
import { emailSchema, passwordSchema } from '../domain/password-policy';
import { UserRepository, type UserRecord } from '../infrastructure/user.repository';
import { BrandRepository, type BrandRecord } from '../infrastructure/brand.repository';
import { AuthService } from './auth.service';

const roleSchema = z.enum(['PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER', 'SHOPPER']);
const accessSchema = z
  .object({
    role: roleSchema,
    museumIds: z.array(z.string().uuid()).max(50).default([]),
    brandId: z.string().uuid().nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'MUSEUM_MANAGER' && v.museumIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['museumIds'], message: 'a museum manager needs at least one museum' });
    if (v.role !== 'MUSEUM_MANAGER' && v.museumIds.length > 0)
      ctx.addIssue({ code: 'custom', path: ['museumIds'], message: 'only museum managers have museums' });
    if (v.role === 'BRAND_PARTNER' && !v.brandId)
      ctx.addIssue({ code: 'custom', path: ['brandId'], message: 'a brand partner needs a brand' });
    if (v.role !== 'BRAND_PARTNER' && v.brandId)
      ctx.addIssue({ code: 'custom', path: ['brandId'], message: 'only brand partners have a brand' });
  });

const createUserSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    displayName: z.string().trim().min(1).max(120),
  })
  .and(accessSchema);

const updateAccessSchema = z.object({ userId: z.string().uuid(), disabled: z.boolean().default(false) }).and(accessSchema);

const createBrandSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens').max(60),
  name: z.string().trim().min(1).max(120),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code'),
});

const registerSchema = z.object({ email: emailSchema, password: passwordSchema, displayName: z.string().trim().min(1).max(120) });

@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UserRepository,
    private readonly brands: BrandRepository,
  ) {}

  async me(actor: Actor): Promise<UserRecord> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /**
   * A shopper deletes their account (PIPL right to deletion): personal fields anonymised and
   * sessions ended at once; the orders stay (transaction records the e-commerce law keeps for
   * three years) with the masked ID and its keyed hash; the stored ID numbers go as soon as
   * customs no longer needs them (docs/adr/0011-pii-retention.md). Other roles are closed by an operator.
   */
  async requestAccountDeletion(actor: Actor): Promise<{ id: string; requestedAt: Date; completedAt: Date | null }> {
    if (actor.role !== 'SHOPPER') throw new ForbiddenError('Only shoppers delete their own account; ask an operator');
    const request = await this.users.deleteAccount(actor.userId);
    if (!request) throw new NotFoundError('User');
    return request;
  }

  /** Shoppers sign up themselves; every other role is granted by an operator. */
  async registerShopper(input: unknown): Promise<UserRecord> {
    const v = validate(registerSchema, input);
    return this.users.create({ ...v, passwordHash: await AuthService.hashPassword(v.password), role: 'SHOPPER', brandId: null, museumIds: [] });
  }

  async createUser(input: unknown): Promise<UserRecord> {
    const v = validate(createUserSchema, input);
    await this.assertReferences(v.museumIds, v.brandId ?? null);
    return this.users.create({
      email: v.email,
      passwordHash: await AuthService.hashPassword(v.password),
      displayName: v.displayName,
      role: v.role,
      brandId: v.brandId ?? null,
      museumIds: v.museumIds,
    });
  }

  async updateUserAccess(input: unknown): Promise<UserRecord> {
    const v = validate(updateAccessSchema, input);
    if (!(await this.users.findById(v.userId))) throw new NotFoundError('User');
    await this.assertReferences(v.museumIds, v.brandId ?? null);
    return this.users.updateAccess(v.userId, { role: v.role, brandId: v.brandId ?? null, museumIds: v.museumIds, disabled: v.disabled });
  }

  listUsers(args: { take: number; afterEmail?: string; role?: UserRecord['role']; search?: string }) {
    return this.users.list(args);
  }

  createBrand(input: unknown): Promise<BrandRecord> {
    return this.brands.create(validate(createBrandSchema, input));
  }

  /** Operators only (the resolver's role guard); an unknown or malformed id is NOT_FOUND. */
  async user(id: string): Promise<UserRecord> {
    const user = isUuid(id) ? await this.users.findById(id) : null;
    if (!user) throw new NotFoundError('User');
    return user;
  }

  listBrands(take: number, afterSlug?: string) {
    return this.brands.list(take, afterSlug);
  }

  async brand(actor: Actor, id: string): Promise<BrandRecord> {
    if (actor.role !== 'PLATFORM_ADMIN' && actor.brandId !== id) throw new NotFoundError('Brand');
    const brand = await this.brands.findById(id);
    if (!brand) throw new NotFoundError('Brand');
    return brand;
  }

  private async assertReferences(museumIds: string[], brandId: string | null): Promise<void> {
    if (museumIds.length && (await this.users.countMuseums(museumIds)) !== new Set(museumIds).size) {
      throw new ValidationError([{ path: 'input.museumIds', message: 'names a museum that does not exist' }]);
    }
    if (brandId && !(await this.users.brandExists(brandId))) {
      throw new ValidationError([{ path: 'input.brandId', message: 'names a brand that does not exist' }]);
    }
  }
}
