import { parsePhotoUrls, returnableQuantities, returnRefusalToState, windowOpen } from './form';

describe('the return form', () => {
  it('counts the units still returnable as the API does: open returns hold all they asked, inspected ones what was accepted, refused ones none', () => {
    const inspected = returnableQuantities([{ id: 'a', quantity: 3 }], [{ status: 'REFUNDED', lines: [{ lineId: 'a', quantity: 2, acceptedQuantity: 1 }] }]);
    expect(inspected.get('a')).toBe(2);
    const lines = [
      { id: 'a', quantity: 2 },
      { id: 'b', quantity: 1 },
    ];
    const left = returnableQuantities(lines, [
      { status: 'ACCEPTED', lines: [{ lineId: 'a', quantity: 1, acceptedQuantity: null }] },
      { status: 'REFUSED', lines: [{ lineId: 'b', quantity: 1, acceptedQuantity: null }] },
    ]);
    expect(Object.fromEntries(left)).toEqual({ a: 1, b: 1 });
  });

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
    expect(returnRefusalToState({ extensions: { code: 'NOT_FOUND' } }, ['x'])).toEqual({ fields: {}, formError: 'NOT_FOUND' });
    expect(returnRefusalToState(undefined, [])).toEqual({ fields: {}, formError: 'UNKNOWN' });
  });
});
