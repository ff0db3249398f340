import { RETURN_STATUSES } from './returns';
import { checkPhotoLink, photoLink, photoLinkSignature, photosDroppedAt } from './photo-links';

const config = { secret: 'k'.repeat(64), ttlSeconds: 300 };
const id = '3f1f5a52-7d1e-4f57-9b7a-2f0d1d3c4b5a';
const parts = (url: string) => {
  const u = new URL(url, 'http://api');
  return { path: u.pathname, expires: u.searchParams.get('expires')!, signature: u.searchParams.get('signature')! };
};

describe('return photo links', () => {
  const now = new Date('2026-12-06T10:00:20.500Z');

  it('signs a link that works until its time, rounded up to the minute', () => {
    const { url, expiresAt } = photoLink(config, id, now);
    const p = parts(url);
    expect(p.path).toBe(`/return-photos/${id}`);
    expect(expiresAt.toISOString()).toBe('2026-12-06T10:06:00.000Z');
    expect(Number(p.expires) * 1000).toBe(expiresAt.getTime());
    // The same minute gives the same link (the browser's cache keeps the image).
    expect(photoLink(config, id, new Date('2026-12-06T10:00:59Z')).url).toBe(url);
    expect(checkPhotoLink(config.secret, id, p.expires, p.signature, now)).toBe('OK');
    expect(checkPhotoLink(config.secret, id, p.expires, p.signature, new Date(expiresAt.getTime() - 1))).toBe('OK');
    expect(checkPhotoLink(config.secret, id, p.expires, p.signature, expiresAt)).toBe('EXPIRED');
  });

  it('refuses a link changed in any part, or signed with another key', () => {
    const p = parts(photoLink(config, id, now).url);
    const other = '3f1f5a52-7d1e-4f57-9b7a-2f0d1d3c4b5b';
    expect(checkPhotoLink(config.secret, other, p.expires, p.signature, now)).toBe('INVALID');
    expect(checkPhotoLink(config.secret, id, String(Number(p.expires) + 60), p.signature, now)).toBe('INVALID');
    expect(checkPhotoLink('x'.repeat(64), id, p.expires, p.signature, now)).toBe('INVALID');
    const flipped = `${p.signature.slice(0, -1)}${p.signature.endsWith('A') ? 'B' : 'A'}`;
    expect(checkPhotoLink(config.secret, id, p.expires, flipped, now)).toBe('INVALID');
    for (const [e, s] of [[undefined, p.signature], [p.expires, undefined], ['12e3', p.signature], [[p.expires], p.signature], [p.expires, `${p.signature}=`]] as [unknown, unknown][]) {
      expect(checkPhotoLink(config.secret, id, e, s, now)).toBe('INVALID');
    }
    // Rightly signed but for a time gone: expired.
    expect(checkPhotoLink(config.secret, id, '1', photoLinkSignature(config.secret, id, 1), now)).toBe('EXPIRED');
  });

  it('drops the photos once the return is refused or refunded, never before', () => {
    expect(RETURN_STATUSES.filter(photosDroppedAt)).toEqual(['REFUSED', 'REFUNDED']);
  });
});
