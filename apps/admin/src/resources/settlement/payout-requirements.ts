/**
 * What Stripe still needs of a connected account, in words: Stripe names each missing field by
 * its path (`individual.verification.document`, `external_account`, `individual.dob.day`); a
 * museum's manager needs "an identity document" and "a bank account". Each code is read by its
 * most specific known prefix; several codes for one thing (the three parts of a date of birth)
 * make one item; a code no prefix knows is shown as Stripe wrote it.
 */
const NEEDS: [RegExp, string][] = [
  [/^external_account/, 'bank_account'],
  [/^tos_acceptance/, 'terms'],
  [/^business_type/, 'business_type'],
  [/^business_profile/, 'business_profile'],
  [/^company\.verification/, 'company_document'],
  [/^company\.tax_id/, 'tax_id'],
  [/^(individual|representative|person_[^.]+)\.verification/, 'identity_document'],
  [/^(individual|representative|person_[^.]+)\.dob/, 'date_of_birth'],
  [/^(individual|representative|company|person_[^.]+)\.address/, 'address'],
  [/^(individual|representative|person_[^.]+)\.(id_number|ssn_last_4)/, 'id_number'],
  [/^(individual|representative|person_[^.]+)\./, 'person'],
  [/^(owners|directors|executives)/, 'owners'],
  [/^company\./, 'company'],
];

/** Each item as an i18n key under vitrine.settlement.account.need (or the raw code when unknown), in first-seen order, without repeats. */
export function payoutNeeds(codes: readonly string[]): { key: string | null; code: string }[] {
  const seen = new Set<string>();
  const out: { key: string | null; code: string }[] = [];
  for (const code of codes) {
    const key = NEEDS.find(([re]) => re.test(code))?.[1] ?? null;
    const id = key ?? code;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ key, code });
  }
  return out;
}
