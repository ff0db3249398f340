import { ReturnsError, ReturnsErrorCode } from './returns';

/** The image types a return photo may be, as its first bytes say (never its name or declared type). */
export const RETURN_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ReturnPhotoType = (typeof RETURN_PHOTO_TYPES)[number];

export interface ReturnPhotoLimits {
  /** Photos per return request (RETURN_PHOTO_MAX_COUNT). */
  maxCount: number;
  /** Bytes per photo (RETURN_PHOTO_MAX_BYTES). */
  maxBytes: number;
}

/** Four photos of 1 MiB each: as base64 in one request they stay under the API's 6 MB body. */
export const DEFAULT_RETURN_PHOTO_LIMITS: ReturnPhotoLimits = { maxCount: 4, maxBytes: 1_048_576 };

/** JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) or WebP (RIFF....WEBP) by magic bytes; null for anything else. */
export function sniffImageType(bytes: Uint8Array): ReturnPhotoType | null {
  const at = (i: number, ...b: number[]) => b.every((x, k) => bytes[i + k] === x);
  if (bytes.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

export interface CheckedPhoto {
  position: number;
  contentType: ReturnPhotoType;
  data: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The photos of a return request, checked before anything is written: at most `maxCount`
 * (TOO_MANY_RETURN_PHOTOS), each base64 of at most `maxBytes` (RETURN_PHOTO_TOO_LARGE, judged
 * from the encoded length first so an oversized upload is never decoded) and a JPEG, PNG or WebP
 * by its bytes (RETURN_PHOTO_TYPE_NOT_ALLOWED). Errors name the photo (`input.photos.N`).
 */
export function checkReturnPhotos(photos: readonly { contentBase64: string }[], limits: ReturnPhotoLimits): CheckedPhoto[] {
  if (photos.length > limits.maxCount) {
    throw new ReturnsError(ReturnsErrorCode.TOO_MANY_RETURN_PHOTOS, `At most ${limits.maxCount} photos per return`, { field: 'input.photos', max: limits.maxCount, given: photos.length });
  }
  return photos.map((p, i) => {
    const field = `input.photos.${i}`;
    const b64 = p.contentBase64.replace(/\s+/g, '');
    if (Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0) > limits.maxBytes) {
      throw new ReturnsError(ReturnsErrorCode.RETURN_PHOTO_TOO_LARGE, `A photo may be at most ${limits.maxBytes} bytes`, { field, maxBytes: limits.maxBytes });
    }
    const data = BASE64.test(b64) && b64.length % 4 === 0 ? Buffer.from(b64, 'base64') : null;
    const contentType = data && data.length > 0 ? sniffImageType(data) : null;
    if (!data || !contentType) {
      throw new ReturnsError(ReturnsErrorCode.RETURN_PHOTO_TYPE_NOT_ALLOWED, 'A photo must be a JPEG, PNG or WebP image', { field, allowed: [...RETURN_PHOTO_TYPES] });
    }
    return { position: i, contentType, data };
  });
}

/** RETURN_PHOTO_MAX_COUNT (1-10) and RETURN_PHOTO_MAX_BYTES (1 KiB-5 MiB). */
export function returnPhotoLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ReturnPhotoLimits {
  const read = (name: string, fallback: number, min: number, max: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return { maxCount: read('RETURN_PHOTO_MAX_COUNT', DEFAULT_RETURN_PHOTO_LIMITS.maxCount, 1, 10), maxBytes: read('RETURN_PHOTO_MAX_BYTES', DEFAULT_RETURN_PHOTO_LIMITS.maxBytes, 1024, 5 * 1_048_576) };
}
