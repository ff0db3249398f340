import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ListingGuards, type ListingGuard } from '@vitrine/catalog';
import { isUuid } from '@vitrine/shared/kernel';
import { customsRegistrationMissing } from '../domain/orders-error';
import { SellerRegistrationRepository } from '../infrastructure/seller-registration.repository';

/**
 * Keeps the catalogue's `publishProduct` (and bulk publishing) from listing for China a
 * product of a museum with no customs registration: every declaration names the museum as
 * e-commerce enterprise by that code, so nothing it lists could clear. The catalogue has
 * already checked the caller manages the product's museum and its listing rules.
 */
@Injectable()
export class CustomsRegistrationGuard implements ListingGuard, OnModuleInit {
  constructor(
    private readonly guards: ListingGuards,
    private readonly registrations: SellerRegistrationRepository,
  ) {}

  onModuleInit(): void {
    this.guards.register(this);
  }

  async beforePublish(productId: string): Promise<void> {
    if (!isUuid(productId)) return;
    const museumId = await this.registrations.unregisteredSellerOf(productId);
    if (museumId) throw customsRegistrationMissing([museumId]);
  }
}
