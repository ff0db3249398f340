import fc from 'fast-check';
import { maskResidentId, parseResidentId, residentIdCheckCharacter } from './resident-id';

const TODAY = new Date('2026-11-22T00:00:00Z');

/** A structurally valid ID: real province, real date between 1900 and today, right check character. */
const validId = fc
  .record({
    province: fc.constantFrom('11', '31', '44', '51', '65', '81'),
    rest: fc.stringMatching(/^\d{4}$/),
    date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: TODAY, noInvalidDate: true }),
    seq: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ province, rest, date, seq }) => {
    const first17 = `${province}${rest}${date.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`;
    return first17 + residentIdCheckCharacter(first17);
  });

describe('resident ID (GB 11643-1999)', () => {
  it('accepts the published sample and normalises a lower-case x', () => {
    const r = parseResidentId('11010519491231002X', TODAY);
    expect(r).toEqual({ ok: true, id: { value: '11010519491231002X', areaCode: '110105', birthDate: '1949-12-31' } });
    expect(parseResidentId(' 11010519491231002x ', TODAY)).toMatchObject({ ok: true, id: { value: '11010519491231002X' } });
  });

  it.each([
    ['1101051949123100', 'FORMAT'],
    ['11010519491231002Y', 'FORMAT'],
    ['1101051949123100X2', 'FORMAT'],
    ['99010519491231002X', 'AREA_CODE'],
    ['110105194902300020', 'BIRTH_DATE'], // 30 February
    ['110105189912310020', 'BIRTH_DATE'], // before 1900
    ['110105203001010020', 'BIRTH_DATE'], // in the future
    ['110105194912310021', 'CHECK_CHARACTER'],
  ])('refuses %s (%s)', (id, problem) => {
    expect(parseResidentId(id, TODAY)).toEqual({ ok: false, problem });
  });

  it('accepts every well-formed ID', () => {
    fc.assert(fc.property(validId, (id) => parseResidentId(id, TODAY).ok === true));
  });

  it('detects every single-character substitution (MOD 11-2)', () => {
    fc.assert(
      fc.property(validId, fc.nat(17), fc.constantFrom(...'0123456789X'), (id, pos, ch) => {
        fc.pre(id[pos] !== ch && (pos === 17 || ch !== 'X'));
        const changed = id.slice(0, pos) + ch + id.slice(pos + 1);
        return parseResidentId(changed, TODAY).ok === false;
      }),
    );
  });

  it('refuses birth dates after today', () => {
    const tomorrow = '20261123';
    const first17 = `110105${tomorrow}002`;
    expect(parseResidentId(first17 + residentIdCheckCharacter(first17), TODAY)).toEqual({ ok: false, problem: 'BIRTH_DATE' });
    const today17 = '11010520261122002';
    expect(parseResidentId(today17 + residentIdCheckCharacter(today17), TODAY).ok).toBe(true);
  });

  it('masks to the first 3 and last 4 characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
    fc.assert(
      fc.property(validId, (id) => {
        const masked = maskResidentId(id);
        return masked.length === 18 && masked.startsWith(id.slice(0, 3)) && masked.endsWith(id.slice(14)) && masked.slice(3, 14) === '*'.repeat(11);
      }),
    );
  });
});
