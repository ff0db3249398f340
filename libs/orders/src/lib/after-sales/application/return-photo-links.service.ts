import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '@vitrine/shared/kernel';
import { checkPhotoLink, photoLink, type PhotoLinkConfig } from '../domain/photo-links';
import { ReturnPhotosRepository } from '../infrastructure/return-photos.repository';
import { ReturnPhotoStorage } from '../infrastructure/return-photo.storage';

export const RETURN_PHOTO_LINKS = Symbol('RETURN_PHOTO_LINKS');

/** Identity's own development key, so every process of a development stack signs alike. */
const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';

/**
 * RETURN_PHOTO_URL_SECRET (at least 32 characters), otherwise derived from JWT_SECRET (as the
 * queue board's links are), so every API process checks the links any of them signed;
 * RETURN_PHOTO_URL_TTL_SECONDS (60-86,400, default 300).
 */
export function photoLinkConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PhotoLinkConfig {
  const ttl = env['RETURN_PHOTO_URL_TTL_SECONDS'] ? Number(env['RETURN_PHOTO_URL_TTL_SECONDS']) : 300;
  if (!Number.isInteger(ttl) || ttl < 60 || ttl > 86_400) throw new Error('RETURN_PHOTO_URL_TTL_SECONDS must be a whole number of seconds (60-86400)');
  const own = env['RETURN_PHOTO_URL_SECRET'];
  if (own) {
    if (own.length < 32) throw new Error('RETURN_PHOTO_URL_SECRET must be at least 32 characters');
    return { secret: own, ttlSeconds: ttl };
  }
  const jwt = env['JWT_SECRET'] ?? (env['NODE_ENV'] === 'production' ? '' : DEV_JWT_SECRET);
  if (!jwt) throw new Error('RETURN_PHOTO_URL_SECRET (or JWT_SECRET) must be set in production');
  return { secret: createHmac('sha256', jwt).update('vitrine:return-photos').digest('hex'), ttlSeconds: ttl };
}

export interface OpenedPhoto {
  contentType: string;
  data: Buffer;
  expiresAt: Date;
}

/** Signs the links to return photos (for callers already allowed to see the return) and opens them. */
@Injectable()
export class ReturnPhotoLinksService {
  constructor(
    @Inject(RETURN_PHOTO_LINKS) private readonly config: PhotoLinkConfig,
    private readonly photos: ReturnPhotosRepository,
    private readonly storage: ReturnPhotoStorage,
  ) {}

  linkOf(photoId: string, now = new Date()): { url: string; expiresAt: Date } {
    return photoLink(this.config, photoId, now);
  }

  /**
   * The image a link names: FORBIDDEN when the link was not signed by us (another photo, another
   * time, a changed signature) or has expired; NOT_FOUND when the photo is gone (its return was
   * refused or closed and the worker deleted it).
   */
  async open(photoId: string, expires: unknown, signature: unknown, now = new Date()): Promise<OpenedPhoto> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(photoId)) throw new NotFoundError('Return photo');
    const check = checkPhotoLink(this.config.secret, photoId, expires, signature, now);
    if (check === 'INVALID') throw new ForbiddenError('This photo link is not valid');
    if (check === 'EXPIRED') throw new ForbiddenError('This photo link has expired: open the return again for a new one');
    const photo = await this.photos.find(photoId);
    if (!photo) throw new NotFoundError('Return photo');
    const data = await this.storage.get(photo.storageKey).catch((e: NodeJS.ErrnoException) => {
      if (e?.code === 'ENOENT') throw new NotFoundError('Return photo');
      throw e;
    });
    return { contentType: photo.contentType, data, expiresAt: new Date(Number(expires) * 1000) };
  }
}
