import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ListingGuards, type ListingGuard } from '@vitrine/catalog';
import { isUuid } from '../domain/ids';
import { LicensingError, LicensingErrorCode } from '../domain/licensing-error';
import { LicensedProductsService } from './licensed-products.service';

/**
 * Makes the catalogue's own `publishProduct` (and bulk publishing) keep to licence
 * agreements: a co-branded product is refused with LISTING_NOT_ALLOWED and the reasons
 * outside the territory, channel or term, or while a change awaits approval. The catalogue
 * has already checked the caller manages the product's museum.
 */
@Injectable()
export class CatalogListingGuard implements ListingGuard, OnModuleInit {
  constructor(
    private readonly guards: ListingGuards,
    private readonly licensed: LicensedProductsService,
  ) {}

  onModuleInit(): void {
    this.guards.register(this);
  }

  async beforePublish(productId: string): Promise<void> {
    if (!isUuid(productId)) return;
    const rows = await this.licensed.byProductIds([productId]);
    if (!rows.length) return;
    const [reasons] = await this.licensed.agreementBlocksMany(rows);
    if (reasons!.length) {
      throw new LicensingError(LicensingErrorCode.LISTING_NOT_ALLOWED, `This licensed product cannot be listed: ${reasons!.map((r) => r.code).join(', ')}`, { reasons });
    }
  }
}
