import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProductEditHooks, type ProductContentEdit, type ProductEditHook } from '@vitrine/catalog';
import type { Actor } from '@vitrine/shared/kernel';
import { StorefrontEditsService } from './storefront-edits.service';

/**
 * Hears the catalogue's own `updateProduct`: an edit of a co-branded product's name,
 * description or media sends it back for the museum's approval (StorefrontEditsService).
 */
@Injectable()
export class CatalogEditWatcher implements ProductEditHook, OnModuleInit {
  constructor(
    private readonly hooks: ProductEditHooks,
    private readonly edits: StorefrontEditsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  beforeContentEdit(edit: ProductContentEdit, actor: Actor): Promise<void> {
    return this.edits.productEdited({ productId: edit.productId, changed: edit.changed, description: edit.description, imageUrls: edit.mediaUrls }, actor);
  }
}
