import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@vitrine/shared/kernel';
import { shortCodeOf, uuidRangeOf } from '../domain/short-code';
import { ShortCodeRepository } from '../infrastructure/short-code.repository';

/** Short links of products (`/p/<code>` in the shop, shelf labels' QR codes). */
@Injectable()
export class ShortLinksService {
  constructor(private readonly codes: ShortCodeRepository) {}

  codeOf(productId: string): string {
    return shortCodeOf(productId);
  }

  /** The published product of an open storefront the code names; NOT_FOUND otherwise (or if two share it). */
  async productIdOf(code: string): Promise<string> {
    const range = uuidRangeOf(code.trim());
    if (!range) throw new NotFoundError('Product');
    const ids = await this.codes.publishedIdsBetween(range.from, range.to);
    if (ids.length !== 1) throw new NotFoundError('Product');
    return ids[0]!;
  }
}
