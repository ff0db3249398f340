import { checkReturnPhotos, returnPhotoLimitsFromEnv, sniffImageType } from './return-photos';
import { ReturnsError } from './returns';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const webp = Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1');
const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof ReturnsError ? [e.code, e.details['field']] : ['other'];
  }
  return null;
};

describe('return photos', () => {
  it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect([jpeg, png, webp, gif, Buffer.from('hello'), Buffer.alloc(0), Buffer.from('RIFF\x24\x00\x00\x00WAVE', 'latin1')].map(sniffImageType)).toEqual(['image/jpeg', 'image/png', 'image/webp', null, null, null, null]);
  });

  it('refuses too many, too large or not an image, naming the photo; keeps the order of the rest', () => {
    const limits = { maxCount: 2, maxBytes: 16 };
    expect(codeOf(() => checkReturnPhotos([jpeg, png, webp].map((d) => ({ contentBase64: d.toString('base64') })), limits))).toEqual(['TOO_MANY_RETURN_PHOTOS', 'input.photos']);
    expect(codeOf(() => checkReturnPhotos([{ contentBase64: jpeg.toString('base64') }, { contentBase64: gif.toString('base64') }], limits))).toEqual(['RETURN_PHOTO_TYPE_NOT_ALLOWED', 'input.photos.1']);
    expect(codeOf(() => checkReturnPhotos([{ contentBase64: Buffer.concat([jpeg, Buffer.alloc(7)]).toString('base64') }], limits))).toEqual(['RETURN_PHOTO_TOO_LARGE', 'input.photos.0']);
    // Exactly at the limit passes (padding counted right).
    expect(checkReturnPhotos([{ contentBase64: Buffer.concat([jpeg, Buffer.alloc(6)]).toString('base64') }], limits)).toHaveLength(1);
    expect(codeOf(() => checkReturnPhotos([{ contentBase64: '!!!!' }], limits))).toEqual(['RETURN_PHOTO_TYPE_NOT_ALLOWED', 'input.photos.0']);
    expect(checkReturnPhotos([{ contentBase64: webp.toString('base64') }, { contentBase64: png.toString('base64') }], limits).map((p) => [p.position, p.contentType])).toEqual([
      [0, 'image/webp'],
      [1, 'image/png'],
    ]);
  });

  it('reads its limits from the environment, refusing nonsense', () => {
    expect(returnPhotoLimitsFromEnv({})).toEqual({ maxCount: 4, maxBytes: 1_048_576 });
    expect(returnPhotoLimitsFromEnv({ RETURN_PHOTO_MAX_COUNT: '2', RETURN_PHOTO_MAX_BYTES: '4096' })).toEqual({ maxCount: 2, maxBytes: 4096 });
    expect(() => returnPhotoLimitsFromEnv({ RETURN_PHOTO_MAX_COUNT: '0' })).toThrow(/RETURN_PHOTO_MAX_COUNT/);
    expect(() => returnPhotoLimitsFromEnv({ RETURN_PHOTO_MAX_BYTES: '1.5' })).toThrow(/RETURN_PHOTO_MAX_BYTES/);
  });
});
