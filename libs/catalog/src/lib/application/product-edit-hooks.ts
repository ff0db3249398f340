import { Injectable } from '@nestjs/common';
import type { Actor } from '@vitrine/shared/graphql';

/** What a catalogue edit changed in the text or images of a product. */
export interface ProductContentEdit {
  productId: string;
  museumId: string;
  /** e.g. `name.zh`, `description.en`, `media`. */
  changed: string[];
}

/**
 * Told after a product's name, description (any locale) or media changed through the
 * catalogue's own `updateProduct` (licensing: an approved co-branded item goes back for
 * approval). The catalogue cannot import those contexts, so they register here when their
 * module starts, as the listing guards do.
 */
export interface ProductEditHook {
  afterContentEdit(edit: ProductContentEdit, actor: Actor): Promise<void>;
}

@Injectable()
export class ProductEditHooks {
  private readonly hooks: ProductEditHook[] = [];

  register(hook: ProductEditHook): void {
    this.hooks.push(hook);
  }

  async afterContentEdit(edit: ProductContentEdit, actor: Actor): Promise<void> {
    if (!edit.changed.length) return;
    for (const hook of this.hooks) await hook.afterContentEdit(edit, actor);
  }
}
