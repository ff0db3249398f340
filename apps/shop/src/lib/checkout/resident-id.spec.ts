import fc from 'fast-check';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: compares the port with the API's own function
import { parseResidentId, residentIdCheckCharacter as apiCheckCharacter } from '../../../../../libs/customs/src/lib/domain/resident-id';
import { normaliseResidentIdInput, residentIdCheckCharacter, residentIdProblem } from './resident-id';

const TODAY = new Date('2026-11-22T00:00:00Z');

describe('the checkout form’s resident ID check (same rule as the API)', () => {
  it('accepts the published sample and a lower-case x', () => {
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull();
    expect(residentIdProblem(' 11010519491231002x ', TODAY)).toBeNull();
  });

  // The API's own vectors (libs/customs resident-id.spec.ts).
  it.each([
    ['1101051949123100', 'FORMAT'],
    ['11010519491231002Y', 'FORMAT'],
    ['1101051949123100X2', 'FORMAT'],
    ['99010519491231002X', 'AREA_CODE'],
    ['110105194902300020', 'BIRTH_DATE'],
    ['110105189912310020', 'BIRTH_DATE'],
    ['110105203001010020', 'BIRTH_DATE'],
    ['110105194912310021', 'CHECK_CHARACTER'],
    ['110105194913010020', 'BIRTH_DATE'],
  ])('refuses %s (%s)', (id, problem) => {
    expect(residentIdProblem(id, TODAY)).toBe(problem);
  });

  it('answers as the API’s parseResidentId on any 18 characters', () => {
    const chars = fc.constantFrom(...'0123456789X');
    const near = fc
      .record({ p: fc.constantFrom('11', '31', '44', '99', '00'), y: fc.integer({ min: 1890, max: 2030 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }), rest: fc.array(chars, { minLength: 8, maxLength: 8 }) })
      .map(({ p, y, m, d, rest }) => `${p}${rest.slice(0, 4).join('').replace(/X/g, '1')}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${rest.slice(4, 7).join('').replace(/X/g, '2')}${rest[7]}`);
    fc.assert(
      fc.property(fc.oneof(near, fc.array(chars, { minLength: 17, maxLength: 19 }).map((a) => a.join(''))), (id) => {
        const api = parseResidentId(id, TODAY);
        expect(residentIdProblem(id, TODAY)).toBe(api.ok ? null : api.problem);
      }),
      { numRuns: 2000 },
    );
  });

  it('computes the same check character', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{17}$/), (first17) => residentIdCheckCharacter(first17) === apiCheckCharacter(first17)));
  });

  it('keeps digits and X while typing', () => {
    expect(normaliseResidentIdInput('110105 1949-1231 002x 99')).toBe('11010519491231002X');
  });
});
