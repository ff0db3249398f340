import { parsePhotoUrls, returnRefusalToState, windowOpen } from './form';

describe('the return form', () => {
  it('is open only with a deadline still ahead', () => {
    const now = Date.parse('2026-12-06T00:00:00Z');
    expect(windowOpen(null, now)).toBe(false);
    expect(windowOpen('2026-12-07T00:00:00Z', now)).toBe(true);
    expect(windowOpen('2026-12-05T00:00:00Z', now)).toBe(false);
  });

  it('reads photo links one per line or separated by commas', () => {
    expect(parsePhotoUrls(' https://a.test/1.jpg\nhttps://a.test/2.jpg, https://a.test/3.jpg \n\n')).toEqual(['https://a.test/1.jpg', 'https://a.test/2.jpg', 'https://a.test/3.jpg']);
  });

  it('puts the API refusal at the fields it names (lines by their position in the request)', () => {
    expect(returnRefusalToState({ extensions: { code: 'VALIDATION_FAILED', fields: [{ path: 'input.lines.1.quantity', message: 'at most 2' }, { path: 'input.photoUrls.0' }] } }, ['x', 'y'])).toEqual({
      fields: { 'line:y': 'VALIDATION_FAILED', photos: 'VALIDATION_FAILED' },
      formError: 'VALIDATION_FAILED',
    });
    expect(returnRefusalToState({ extensions: { code: 'RETURN_WINDOW_CLOSED' } }, ['x'])).toEqual({ fields: { lines: 'RETURN_WINDOW_CLOSED' }, formError: 'RETURN_WINDOW_CLOSED' });
    // An uploaded photo refused (its position named by the API) shows at the file input.
    expect(returnRefusalToState({ extensions: { code: 'RETURN_PHOTO_TYPE_NOT_ALLOWED', field: 'input.photos.1' } }, ['x'])).toEqual({ fields: { photoFiles: 'RETURN_PHOTO_TYPE_NOT_ALLOWED' }, formError: 'RETURN_PHOTO_TYPE_NOT_ALLOWED' });
    expect(returnRefusalToState({ extensions: { code: 'TOO_MANY_RETURN_PHOTOS', field: 'input.photos' } }, ['x'])).toEqual({ fields: { photoFiles: 'TOO_MANY_RETURN_PHOTOS' }, formError: 'TOO_MANY_RETURN_PHOTOS' });
    expect(returnRefusalToState({ extensions: { code: 'NOT_FOUND' } }, ['x'])).toEqual({ fields: {}, formError: 'NOT_FOUND' });
    expect(returnRefusalToState(undefined, [])).toEqual({ fields: {}, formError: 'UNKNOWN' });
  });
});
