import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { RETURN_PHOTO_DROPPED_AT, photosDroppedAt } from '../domain/photo-links';
import { ReturnPhotosRepository } from '../infrastructure/return-photos.repository';
import { ReturnPhotoStorage } from '../infrastructure/return-photo.storage';
import { ReturnsRepository } from '../infrastructure/returns.repository';

/**
 * The worker deletes a return's photos once it is refused or closed (photo-links'
 * RETURN_PHOTO_DROPPED_AT): the bytes first, then the rows with a PHOTOS_DELETED step in the
 * return's history. Safe to run twice: it re-reads the return and its photos, and a file
 * already gone is fine, so a run that stopped half-way is finished by the next.
 */
@Injectable()
export class ReturnPhotoRetentionService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly photos: ReturnPhotosRepository,
    private readonly storage: ReturnPhotoStorage,
    private readonly prisma: PrismaService,
  ) {}

  /** Deletes the photos of this return if it no longer needs them; answers how many went. */
  async purge(returnId: string): Promise<number> {
    const r = await this.returns.find(returnId);
    if (!r || !photosDroppedAt(r.status)) return 0;
    const photos = (await this.photos.ofReturns([r.id])).get(r.id) ?? [];
    if (!photos.length) return 0;
    for (const p of photos) await this.storage.remove(p.storageKey);
    return this.prisma.$transaction(async (tx) => {
      const locked = await this.returns.lock(tx, r.id);
      if (!locked) return 0;
      const removed = await this.photos.remove(tx, r.id, photos.map((p) => p.id));
      if (removed) await this.returns.addEvent(tx, { returnId: r.id, orderId: r.orderId, kind: 'PHOTOS_DELETED', params: { count: removed } });
      return removed;
    });
  }

  /** The sweep's catch-up: returns refused or closed whose photos are still there (before this job existed, or a job lost). */
  async sweep(take = 200): Promise<number> {
    let removed = 0;
    for (const id of await this.photos.returnsWithPhotos(RETURN_PHOTO_DROPPED_AT, take)) removed += await this.purge(id);
    return removed;
  }
}
