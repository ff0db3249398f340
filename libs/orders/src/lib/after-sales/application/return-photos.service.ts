import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@vitrine/shared/data-access';
import { checkReturnPhotos, type CheckedPhoto, type ReturnPhotoLimits } from '../domain/return-photos';
import { ReturnPhotosRepository, type ReturnPhotoRecord } from '../infrastructure/return-photos.repository';
import { ReturnPhotoStorage } from '../infrastructure/return-photo.storage';

export const RETURN_PHOTO_LIMITS = Symbol('RETURN_PHOTO_LIMITS');

const EXTENSION: Record<CheckedPhoto['contentType'], string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * The photos a shopper attaches to a return request: checked before anything is written
 * (count, size, type by magic bytes), stored with the return in its transaction (bytes to the
 * storage, a row each), and listed for whoever may see the return (shown through signed links:
 * ReturnPhotoLinksService).
 */
@Injectable()
export class ReturnPhotosService {
  constructor(
    private readonly photos: ReturnPhotosRepository,
    private readonly storage: ReturnPhotoStorage,
    @Inject(RETURN_PHOTO_LIMITS) private readonly limits: ReturnPhotoLimits,
  ) {}

  check(photos: readonly { contentBase64: string }[] | null | undefined): CheckedPhoto[] {
    return checkReturnPhotos(photos ?? [], this.limits);
  }

  /**
   * Stores the checked photos of a return being created, in the caller's transaction. Each key
   * written is pushed to `written` first, so a caller whose transaction fails later removes them
   * (`discard`); a failure here removes what this call wrote and throws.
   */
  async store(tx: Tx, returnId: string, checked: readonly CheckedPhoto[], written: string[]): Promise<void> {
    const rows: Omit<ReturnPhotoRecord, 'id' | 'createdAt'>[] = [];
    for (const p of checked) {
      const storageKey = await this.storage.put(returnId, p.position, EXTENSION[p.contentType], p.data);
      written.push(storageKey);
      rows.push({ returnId, position: p.position, contentType: p.contentType, byteSize: p.data.length, sha256: createHash('sha256').update(p.data).digest('hex'), storageKey });
    }
    await this.photos.add(tx, rows);
  }

  async discard(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((k) => this.storage.remove(k).catch(() => undefined)));
  }

  ofReturns(returnIds: readonly string[]): Promise<Map<string, ReturnPhotoRecord[]>> {
    return this.photos.ofReturns(returnIds);
  }
}
