import { Inject, Injectable, Optional } from '@nestjs/common';
import { z } from 'zod';
import { NotFoundError, isUuid, validate } from '@vitrine/shared/kernel';
import { SynonymDictionary, toTsQuery } from '../domain/search-query';
import { normalizeSearchText } from '../domain/search-text';
import { SearchSynonymRepository, type SynonymGroupRow } from '../infrastructure/search-synonym.repository';
import { CATALOG_SETTINGS, type CatalogSettings } from './catalog-settings';
import { ShopWindowCaches } from '@vitrine/shared/data-access';

const groupSchema = z.object({
  terms: z
    .array(z.string().trim().min(1).max(60))
    .min(2)
    .max(30)
    .transform((terms) => [...new Set(terms.map(normalizeSearchText).filter(Boolean))])
    .refine((terms) => terms.length >= 2, 'needs at least two distinct searchable terms'),
});

/** What a search asks of the product list: nothing (no search), a tsquery, or no match possible. */
export type SearchMatch = { kind: 'NONE' } | { kind: 'MATCH'; tsquery: string } | { kind: 'NOTHING' };

/**
 * The shopper's words turned into the catalogue's: the operator's synonym dictionary applied
 * to the query (docs/adr/0013-chinese-search.md). The dictionary is read at most every
 * `publicStaleMs` (and at once after an edit in this process, or any back-office mutation).
 */
@Injectable()
export class SearchService {
  private dictionary: { expires: number; value: Promise<SynonymDictionary> } | null = null;
  private readonly ttlMs: number;

  constructor(
    private readonly synonyms: SearchSynonymRepository,
    @Inject(CATALOG_SETTINGS) settings: CatalogSettings,
    @Optional() caches?: ShopWindowCaches,
  ) {
    this.ttlMs = Math.max(settings.publicStaleMs, 1_000);
    caches?.register(() => (this.dictionary = null));
  }

  async match(search: string | null | undefined): Promise<SearchMatch> {
    if (!search || !search.trim()) return { kind: 'NONE' };
    const tsquery = toTsQuery((await this.loadDictionary()).expand(search));
    return tsquery ? { kind: 'MATCH', tsquery } : { kind: 'NOTHING' };
  }

  listGroups(): Promise<SynonymGroupRow[]> {
    return this.synonyms.list();
  }

  async setGroup(input: { id?: string | null; terms: string[] }): Promise<SynonymGroupRow> {
    const { terms } = validate(groupSchema, { terms: input.terms }, 'input');
    let row: SynonymGroupRow | null;
    if (input.id) row = isUuid(input.id) ? await this.synonyms.update(input.id, terms) : null;
    else row = await this.synonyms.create(terms);
    if (!row) throw new NotFoundError('Synonym group');
    this.dictionary = null;
    return row;
  }

  async removeGroup(id: string): Promise<boolean> {
    if (!isUuid(id) || !(await this.synonyms.remove(id))) throw new NotFoundError('Synonym group');
    this.dictionary = null;
    return true;
  }

  private loadDictionary(): Promise<SynonymDictionary> {
    const now = Date.now();
    if (this.dictionary && this.dictionary.expires > now) return this.dictionary.value;
    const value = this.synonyms.list().then((rows) => new SynonymDictionary(rows.map((r) => r.terms)));
    const entry = { expires: now + this.ttlMs, value };
    this.dictionary = entry;
    value.catch(() => {
      if (this.dictionary === entry) this.dictionary = null;
    });
    return value;
  }
}
