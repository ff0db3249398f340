import { Injectable } from '@nestjs/common';
import { EMPTY_TEXT, NotFoundError, ValidationError, isUuid, mergeLocalizedText, validate, type FieldIssue, canManageMuseum, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { storefrontProblems } from '../domain/storefront-rules';
import { createMuseumSchema, updateMuseumSchema, updateStorefrontSchema } from '../domain/storefronts.schemas';
import { MuseumRepository, type MuseumRow } from '../infrastructure/museum.repository';
import { StorefrontRepository, type StorefrontRow } from '../infrastructure/storefront.repository';
import { FeaturedCollections } from '../ports/featured-collections.port';

/**
 * Museums and their storefronts in the back office: operators onboard museums; a manager
 * edits the storefronts of their own museums. Another museum answers NOT_FOUND.
 */
@Injectable()
export class MuseumsService {
  constructor(
    private readonly museums: MuseumRepository,
    private readonly storefronts: StorefrontRepository,
    /** The catalogue's answer (collections are its own), bound by libs/catalog. */
    private readonly collections: FeaturedCollections,
  ) {}

  list(actor: Actor, q: { take: number; afterSlug: string | null; search?: string | null }) {
    return this.museums.list({ ids: managedMuseumScope(actor), take: q.take, afterSlug: q.afterSlug, search: q.search?.trim() || null });
  }

  async get(actor: Actor, id: string): Promise<MuseumRow> {
    const row = isUuid(id) && canManageMuseum(actor, id) ? await this.museums.findById(id) : null;
    if (!row) throw new NotFoundError('Museum');
    return row;
  }

  async create(input: unknown): Promise<MuseumRow> {
    const v = validate(createMuseumSchema, input);
    const name = mergeLocalizedText(EMPTY_TEXT, v.name);
    return this.museums.create({ slug: v.slug, legalName: v.legalName, country: v.country, nameFr: name.fr, nameEn: name.en, nameZh: name.zh });
  }

  async update(input: unknown): Promise<MuseumRow> {
    const v = validate(updateMuseumSchema, input);
    if (!(await this.museums.findById(v.id))) throw new NotFoundError('Museum');
    return this.museums.update(v.id, { ...(v.legalName ? { legalName: v.legalName } : {}), ...(v.country ? { country: v.country } : {}) });
  }

  async storefront(actor: Actor, museumId: string): Promise<StorefrontRow> {
    await this.get(actor, museumId);
    const [row] = await this.storefronts.byMuseumIds([museumId]);
    if (!row) throw new NotFoundError('Storefront');
    return row;
  }

  /** Storefronts of museums the actor manages, for batch loaders. */
  async storefrontsForActor(actor: Actor, museumIds: readonly string[]): Promise<StorefrontRow[]> {
    return this.storefronts.byMuseumIds(museumIds.filter((id) => isUuid(id) && canManageMuseum(actor, id)));
  }

  async updateStorefront(actor: Actor, input: unknown): Promise<StorefrontRow> {
    const v = validate(updateStorefrontSchema, input);
    const current = await this.storefront(actor, v.museumId);
    const name = mergeLocalizedText({ fr: current.nameFr, en: current.nameEn, zh: current.nameZh }, v.name);
    const story = mergeLocalizedText({ fr: current.storyFr, en: current.storyEn, zh: current.storyZh }, v.story);
    const status = v.status ?? current.status;
    const issues: FieldIssue[] = storefrontProblems({ status, name });
    if (v.featuredCollectionIds?.length) {
      const found = await this.collections.ofMuseum(v.museumId, v.featuredCollectionIds);
      v.featuredCollectionIds.forEach((id, i) => {
        if (!found.has(id)) issues.push({ path: `input.featuredCollectionIds.${i}`, message: 'names no collection of this museum' });
      });
    }
    // A registration is a code and a name: one without the other declares nothing.
    const customsCode = v.customsCode !== undefined ? v.customsCode : current.customsCode;
    const customsName = v.customsName !== undefined ? v.customsName : current.customsName;
    if (customsCode && !customsName) issues.push({ path: 'input.customsName', message: 'is required with a customs registration code' });
    if (customsName && !customsCode) issues.push({ path: 'input.customsCode', message: 'is required with a customs registration name' });
    if (issues.length) throw new ValidationError(issues);
    return this.storefronts.update(v.museumId, {
      customsCode: customsCode ?? null,
      customsName: customsName ?? null,
      status,
      nameFr: name.fr,
      nameEn: name.en,
      nameZh: name.zh,
      storyFr: story.fr,
      storyEn: story.en,
      storyZh: story.zh,
      ...(v.bannerUrl !== undefined ? { bannerUrl: v.bannerUrl } : {}),
      ...(v.featuredCollectionIds ? { featuredCollectionIds: [...new Set(v.featuredCollectionIds)] } : {}),
      ...(v.autoBookCarrier != null ? { autoBookCarrier: v.autoBookCarrier } : {}),
    });
  }
}
