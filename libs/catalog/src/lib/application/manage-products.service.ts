import { Injectable } from '@nestjs/common';
import { ConflictError, DomainError, EMPTY_TEXT, NotFoundError, ValidationError, hasAnyText, isUuid, mergeLocalizedText, validate, type FieldIssue, type LocalizedStrings, canManageMuseum, managedMuseumScope, type Actor } from '@vitrine/shared/kernel';
import type { ProductStatus } from '@vitrine/shared/data-access';
import { CatalogError, CatalogErrorCode } from '../domain/catalog-error';
import { createProductSchema, updateProductSchema, type VariantInput } from '../domain/catalog.schemas';
import { listingProblemsForChina, type ListingProblem } from '../domain/listing-rules';
import { SynonymDictionary, toTsQuery } from '../domain/search-query';
import { productSearchText } from '../domain/search-text';

const PLAIN_WORDS = new SynonymDictionary([]);
import { ArtworkRepository } from '../infrastructure/artwork.repository';
import { CollectionRepository } from '../infrastructure/collection.repository';
import { PositiveListRepository } from '../infrastructure/positive-list.repository';
import {
  ProductRepository,
  type ProductCursor,
  type ProductOrder,
  type ProductRow,
  type VariantRow,
  type VariantWrite,
} from '../infrastructure/product.repository';
import { ListingGuards } from './listing-guards';
import { ProductEditHooks } from './product-edit-hooks';
import { assertManages } from './tenancy';

export interface ManagedProductQuery {
  museumId?: string | null;
  take: number;
  sort: ProductOrder;
  after: ProductCursor | null;
  status?: ProductStatus | null;
  search?: string | null;
  collectionId?: string | null;
  artworkId?: string | null;
  category?: string | null;
}

export interface BulkStatusResult {
  updated: string[];
  failed: { id: string; code: string; message: string }[];
}

const nameOf = (p: ProductRow): LocalizedStrings => ({ fr: p.nameFr, en: p.nameEn, zh: p.nameZh });
const descriptionOf = (p: ProductRow): LocalizedStrings => ({ fr: p.descriptionFr, en: p.descriptionEn, zh: p.descriptionZh });

/**
 * A museum's back office for its products: drafts, edits, publishing for China (which is
 * refused with every reason when zh-CN text or an allowed HS code is missing), archiving.
 * Another museum's product answers NOT_FOUND.
 */
@Injectable()
export class ManageProductsService {
  constructor(
    private readonly products: ProductRepository,
    private readonly artworks: ArtworkRepository,
    private readonly collections: CollectionRepository,
    private readonly positiveList: PositiveListRepository,
    private readonly guards: ListingGuards,
    private readonly editHooks: ProductEditHooks,
  ) {}

  list(actor: Actor, q: ManagedProductQuery) {
    if (q.museumId) assertManages(actor, q.museumId, 'Museum');
    const empty = { rows: [] as ProductRow[], total: 0 };
    if ((q.museumId && !isUuid(q.museumId)) || (q.collectionId && !isUuid(q.collectionId)) || (q.artworkId && !isUuid(q.artworkId))) {
      return Promise.resolve(empty);
    }
    // The back office searches the catalogue's own words (no synonyms); nothing searchable matches nothing.
    const match = q.search?.trim() ? toTsQuery(PLAIN_WORDS.expand(q.search)) : undefined;
    if (match === null) return Promise.resolve(empty);
    const scope = managedMuseumScope(actor);
    return this.products.list({
      take: q.take,
      order: q.sort,
      after: q.after,
      publicOnly: false,
      museumIds: q.museumId ? [q.museumId] : scope,
      status: q.status ?? undefined,
      collectionId: q.collectionId ?? undefined,
      artworkId: q.artworkId ?? undefined,
      category: q.category ?? undefined,
      match,
    });
  }

  async get(actor: Actor, id: string): Promise<ProductRow> {
    const row = isUuid(id) ? await this.products.findById(id) : null;
    if (!row || !canManageMuseum(actor, row.museumId)) throw new NotFoundError('Product');
    return row;
  }

  async create(actor: Actor, input: unknown): Promise<ProductRow> {
    const v = validate(createProductSchema, input);
    assertManages(actor, v.museumId, 'Museum');
    const artworkIds = [...new Set(v.artworkIds)];
    const collectionIds = [...new Set(v.collectionIds)];
    const works = await this.checkReferences(v.museumId, v.artworkIds, v.collectionIds);
    await this.checkSkus(v.museumId, v.variants);
    const name = mergeLocalizedText(EMPTY_TEXT, v.name);
    const description = mergeLocalizedText(EMPTY_TEXT, v.description);
    const id = await this.products.create(
      v.museumId,
      {
        category: v.category,
        crossBorderCategory: v.crossBorderCategory,
        ...textColumns(name, description),
        searchText: productSearchText({ name, description, works }),
        minPriceEurCents: minPrice(v.variants),
      },
      { variants: v.variants.map(toVariantWrite), media: v.media, artworkIds, collectionIds },
    );
    return this.mustFind(id);
  }

  async update(actor: Actor, input: unknown): Promise<ProductRow> {
    const v = validate(updateProductSchema, input);
    const current = await this.get(actor, v.id);
    const name = mergeLocalizedText(nameOf(current), v.name);
    const description = mergeLocalizedText(descriptionOf(current), v.description);
    if (!hasAnyText(name)) throw new ValidationError([{ path: 'input.name', message: 'needs text in at least one locale' }]);

    const artworkIds = v.artworkIds ? [...new Set(v.artworkIds)] : null;
    const collectionIds = v.collectionIds ? [...new Set(v.collectionIds)] : null;
    const works = await this.checkReferences(current.museumId, v.artworkIds ?? [], v.collectionIds ?? []);
    const existing = await this.products.variantsOf([current.id]);
    const variants = v.variants ? this.matchVariants(v.variants, existing) : null;
    if (v.variants) await this.checkSkus(current.museumId, v.variants, current.id);

    // A published product must stay listable: an edit that would break it is refused whole.
    if (current.status === 'PUBLISHED') {
      const problems = listingProblemsForChina(
        { nameZh: name.zh, descriptionZh: description.zh, variants: variants ?? existing },
        await this.positiveList.prefixes(),
      );
      if (problems.length) throw notListable(problems);
    }
    const creditedWorks = artworkIds ? works : await this.artworks.creditedBy([current.id]);
    const previousMedia = v.media ? await this.products.mediaOf([current.id]) : [];
    const changed = [
      ...(['fr', 'en', 'zh'] as const).flatMap((l) => [
        ...(name[l] !== nameOf(current)[l] ? [`name.${l}`] : []),
        ...(description[l] !== descriptionOf(current)[l] ? [`description.${l}`] : []),
      ]),
      ...(v.media && !sameMedia(previousMedia, v.media) ? ['media'] : []),
    ];
    // Told before the write: a rule that refuses (or fails) keeps the edit from going live unseen.
    await this.editHooks.beforeContentEdit(
      { productId: current.id, museumId: current.museumId, changed, description, mediaUrls: (v.media ?? previousMedia).map((m) => m.url) },
      actor,
    );
    await this.products.update(
      current.id,
      current.museumId,
      {
        ...(v.category ? { category: v.category } : {}),
        ...(v.crossBorderCategory ? { crossBorderCategory: v.crossBorderCategory } : {}),
        ...textColumns(name, description),
        searchText: productSearchText({ name, description, works: creditedWorks }),
        ...(variants ? { minPriceEurCents: minPrice(variants) } : {}),
      },
      {
        variants: variants ?? undefined,
        media: v.media ?? undefined,
        artworkIds: artworkIds ?? undefined,
        collectionIds: collectionIds ?? undefined,
      },
    );
    return this.mustFind(current.id);
  }

  async publish(actor: Actor, id: string): Promise<ProductRow> {
    const product = await this.get(actor, id);
    if (product.status === 'PUBLISHED') return product;
    const problems = listingProblemsForChina(
      { nameZh: product.nameZh, descriptionZh: product.descriptionZh, variants: await this.products.variantsOf([id]) },
      await this.positiveList.prefixes(),
    );
    if (problems.length) throw notListable(problems);
    await this.guards.beforePublish(id, actor);
    await this.products.setStatus(id, ['DRAFT', 'ARCHIVED'], 'PUBLISHED', new Date());
    return this.mustFind(id);
  }

  async unpublish(actor: Actor, id: string): Promise<ProductRow> {
    await this.get(actor, id);
    await this.products.setStatus(id, ['PUBLISHED', 'ARCHIVED'], 'DRAFT');
    return this.mustFind(id);
  }

  async archive(actor: Actor, id: string): Promise<ProductRow> {
    await this.get(actor, id);
    await this.products.setStatus(id, ['DRAFT', 'PUBLISHED'], 'ARCHIVED');
    return this.mustFind(id);
  }

  /**
   * Applies one status to many products. A product the caller may not see fails the whole
   * call with NOT_FOUND before anything changes; a product that cannot take the status
   * (not listable for China) is reported while the others still apply.
   */
  async bulkSetStatus(actor: Actor, ids: readonly string[], status: ProductStatus): Promise<BulkStatusResult> {
    if (ids.length > 100) throw new ValidationError([{ path: 'ids', message: 'at most 100 products at once' }]);
    const unique = [...new Set(ids)];
    const rows = await this.products.findManyByIds(unique.filter(isUuid));
    const visible = new Set(rows.filter((r) => canManageMuseum(actor, r.museumId)).map((r) => r.id));
    if (unique.some((id) => !visible.has(id))) throw new NotFoundError('Product');
    const result: BulkStatusResult = { updated: [], failed: [] };
    for (const id of unique) {
      try {
        if (status === 'PUBLISHED') await this.publish(actor, id);
        else if (status === 'ARCHIVED') await this.archive(actor, id);
        else await this.unpublish(actor, id);
        result.updated.push(id);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        result.failed.push({ id, code: e.code, message: e.message });
      }
    }
    return result;
  }

  /** Only a draft can be deleted; published or archived products have a history. */
  async delete(actor: Actor, id: string): Promise<boolean> {
    await this.get(actor, id);
    if (!(await this.products.deleteDraft(id))) throw new ConflictError('Only a draft product can be deleted; archive it instead', { field: 'id' });
    return true;
  }

  positivePrefixes(): Promise<string[]> {
    return this.positiveList.prefixes();
  }

  listingProblems(texts: { nameZh: string; descriptionZh: string }, variants: readonly VariantRow[], prefixes: readonly string[]): ListingProblem[] {
    return listingProblemsForChina({ nameZh: texts.nameZh, descriptionZh: texts.descriptionZh, variants }, prefixes);
  }

  private async mustFind(id: string): Promise<ProductRow> {
    const row = await this.products.findById(id);
    if (!row) throw new NotFoundError('Product');
    return row;
  }

  /** Credited works and collections must be the same museum's; returns the works. */
  private async checkReferences(museumId: string, artworkIds: readonly string[], collectionIds: readonly string[]) {
    const [works, collections] = await Promise.all([
      this.artworks.inMuseum(museumId, [...new Set(artworkIds)]),
      this.collections.idsInMuseum(museumId, [...new Set(collectionIds)]),
    ]);
    const found = new Set(works.map((w) => w.id));
    const issues: FieldIssue[] = [
      ...artworkIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `input.artworkIds.${i}`, message: 'names no work of this museum' }])),
      ...collectionIds.flatMap((id, i) => (collections.has(id) ? [] : [{ path: `input.collectionIds.${i}`, message: 'names no collection of this museum' }])),
    ];
    if (issues.length) throw new ValidationError(issues);
    return works;
  }

  private async checkSkus(museumId: string, variants: readonly VariantInput[], exceptProductId?: string): Promise<void> {
    const taken = new Set(await this.products.takenSkus(museumId, variants.map((v) => v.sku), exceptProductId));
    const index = variants.findIndex((v) => taken.has(v.sku.toUpperCase()));
    if (index >= 0) throw new ConflictError(`SKU ${variants[index].sku} is used by another product of this museum`, { field: `input.variants.${index}.sku` });
  }

  /** Variants replace the set: matched to existing ones by id, else by SKU; the rest are new. */
  private matchVariants(input: readonly VariantInput[], existing: readonly VariantRow[]): VariantWrite[] {
    const byId = new Map(existing.map((v) => [v.id, v]));
    const bySku = new Map(existing.map((v) => [v.sku.toUpperCase(), v]));
    const issues: FieldIssue[] = [];
    const claimed = new Set(input.flatMap((v) => (v.id ? [v.id] : [])));
    const out = input.map((v, i) => {
      if (v.id && !byId.has(v.id)) issues.push({ path: `input.variants.${i}.id`, message: 'is not a variant of this product' });
      const sameSku = bySku.get(v.sku.toUpperCase())?.id;
      const id = v.id ?? (sameSku && !claimed.has(sameSku) ? sameSku : undefined);
      if (id) claimed.add(id);
      return { ...toVariantWrite(v), ...(id ? { id } : {}) };
    });
    if (issues.length) throw new ValidationError(issues);
    return out;
  }
}

function notListable(reasons: ListingProblem[]): CatalogError {
  return new CatalogError(CatalogErrorCode.NOT_LISTABLE_FOR_CHINA, `This product cannot be listed for China: ${reasons.map((r) => r.code).join(', ')}`, { reasons });
}

function textColumns(name: LocalizedStrings, description: LocalizedStrings) {
  return {
    nameFr: name.fr,
    nameEn: name.en,
    nameZh: name.zh,
    descriptionFr: description.fr,
    descriptionEn: description.en,
    descriptionZh: description.zh,
  };
}

function toVariantWrite(v: VariantInput): VariantWrite {
  return {
    sku: v.sku,
    options: v.options,
    priceMinor: v.priceMinor,
    weightGrams: v.weightGrams,
    hsCode: v.hsCode,
    originCountry: v.originCountry,
    netContent: v.netContent ?? null,
    netContentUnit: v.netContentUnit ?? null,
  };
}

function sameMedia(a: readonly { url: string; alt: string }[], b: readonly { url: string; alt: string }[]): boolean {
  return a.length === b.length && a.every((m, i) => m.url === b[i]!.url && m.alt === b[i]!.alt);
}

function minPrice(variants: readonly { priceMinor: number }[]): number {
  return variants.length ? Math.min(...variants.map((v) => v.priceMinor)) : 0;
}
