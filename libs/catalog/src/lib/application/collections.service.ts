import { Injectable } from '@nestjs/common';
import { EMPTY_TEXT, NotFoundError, ValidationError, hasAnyText, isUuid, mergeLocalizedText, validate, type FieldIssue, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import { collectionSchema, updateCollectionSchema } from '../domain/catalog.schemas';
import { CollectionRepository, type CollectionRow } from '../infrastructure/collection.repository';
import { ProductRepository } from '../infrastructure/product.repository';
import { assertManages } from './tenancy';

/** Collections group a museum's products for browsing; a storefront features some of them. */
@Injectable()
export class CollectionsService {
  constructor(
    private readonly collections: CollectionRepository,
    private readonly products: ProductRepository,
  ) {}

  /** Collections by id, for batch loaders (public: collections carry no secrets). */
  byIds(ids: readonly string[]): Promise<CollectionRow[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.collections.findManyByIds(valid) : Promise.resolve([]);
  }

  /** Every collection of these museums, for batch loaders. */
  ofMuseums(museumIds: readonly string[]): Promise<CollectionRow[]> {
    return this.collections.ofMuseums(museumIds);
  }

  productLinksOf(collectionIds: readonly string[]) {
    return this.collections.productLinksOf(collectionIds);
  }

  list(actor: Actor, q: { museumId: string; take: number; after: [string, string] | null }) {
    assertManages(actor, q.museumId, 'Museum');
    return this.collections.list({ museumIds: [q.museumId], take: q.take, afterSlug: q.after });
  }

  async get(actor: Actor, id: string): Promise<CollectionRow> {
    const row = isUuid(id) ? await this.collections.findById(id) : null;
    const scope = managedMuseumScope(actor);
    if (!row || (scope !== 'ALL' && !scope.includes(row.museumId))) throw new NotFoundError('Collection');
    return row;
  }

  async create(actor: Actor, input: unknown): Promise<CollectionRow> {
    const v = validate(collectionSchema, input);
    assertManages(actor, v.museumId, 'Museum');
    const productIds = await this.checkProducts(v.museumId, v.productIds ?? []);
    const name = mergeLocalizedText(EMPTY_TEXT, v.name);
    return this.collections.create(v.museumId, { slug: v.slug, nameFr: name.fr, nameEn: name.en, nameZh: name.zh }, productIds);
  }

  async update(actor: Actor, input: unknown): Promise<CollectionRow> {
    const v = validate(updateCollectionSchema, input);
    const current = await this.get(actor, v.id);
    const name = mergeLocalizedText({ fr: current.nameFr, en: current.nameEn, zh: current.nameZh }, v.name);
    if (!hasAnyText(name)) throw new ValidationError([{ path: 'input.name', message: 'needs text in at least one locale' }]);
    const productIds = v.productIds ? await this.checkProducts(current.museumId, v.productIds) : null;
    return this.collections.update(
      current.id,
      { ...(v.slug ? { slug: v.slug } : {}), nameFr: name.fr, nameEn: name.en, nameZh: name.zh },
      productIds,
    );
  }

  async delete(actor: Actor, id: string): Promise<boolean> {
    const current = await this.get(actor, id);
    await this.collections.delete(current.id);
    return true;
  }

  private async checkProducts(museumId: string, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.products.idsInMuseum(museumId, unique);
    const issues: FieldIssue[] = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `input.productIds.${i}`, message: 'names no product of this museum' }]));
    if (issues.length) throw new ValidationError(issues);
    return unique;
  }
}
