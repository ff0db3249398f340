import { Injectable } from '@nestjs/common';
import { BrandRepository } from '../infrastructure/brand.repository';
import { UserNameRepository } from '../infrastructure/user-name.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who a record names (a stock count's `user:<id>`), for screens that show it. The caller has
 * already checked it may see the record; a name is all that leaves this context.
 */
@Injectable()
export class UserNamesService {
  constructor(
    private readonly users: UserNameRepository,
    private readonly brands: BrandRepository,
  ) {}

  /** One query for every id; ids that are not uuids or not users are simply absent. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.users.namesOf([...new Set(ids.filter((id) => UUID.test(id)))]);
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  /** Brand names (a co-branded product's partner, shown to shoppers); unknown ids are absent. */
  async brandNamesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.brands.findMany([...new Set(ids.filter((id) => UUID.test(id)))]);
    return new Map(rows.map((b) => [b.id, b.name]));
  }
}
