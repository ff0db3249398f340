import { Injectable } from '@nestjs/common';
import type { Actor } from '@vitrine/shared/kernel';
import type { LocalizedStrings } from '@vitrine/shared/kernel';

/** What a catalogue edit is about to change in the text or images of a product. */
export interface ProductContentEdit {
  productId: string;
  museumId: string;
  /** e.g. `name.zh`, `description.en`, `media`. */
  changed: string[];
  /** The description and image URLs the product will show. */
  description: LocalizedStrings;
  mediaUrls: string[];
}

/**
 * Told before a product's name, description (any locale) or media change through the
 * catalogue's own `updateProduct` (licensing: an approved co-branded item goes back for
 * approval and off sale first, so an edit never goes live unseen; a hook that throws stops
 * the edit). The catalogue cannot import those contexts, so they register here when their
 * module starts, as the listing guards do.
 */
export interface ProductEditHook {
  beforeContentEdit(edit: ProductContentEdit, actor: Actor): Promise<void>;
}

@Injectable()
export class ProductEditHooks {
  private readonly hooks: ProductEditHook[] = [];

  register(hook: ProductEditHook): void {
    this.hooks.push(hook);
  }

  async beforeContentEdit(edit: ProductContentEdit, actor: Actor): Promise<void> {
    if (!edit.changed.length) return;
    for (const hook of this.hooks) await hook.beforeContentEdit(edit, actor);
  }
}
