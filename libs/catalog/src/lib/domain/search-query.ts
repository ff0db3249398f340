/**
 * Shopper queries as PostgreSQL tsquery text over the products' search_vector, whose
 * documents are tokenized by the migration's catalog_search_document: a run of CJK
 * characters is its overlapping bigrams then its last character, anything else a whole
 * word. A query word becomes a phrase of the same tokens (docs/adr/0013-chinese-search.md).
 *
 * Synonyms are applied here, to the query: a term (or a phrase of terms, or a CJK part of a
 * word) found in a synonym group matches any of the group's terms, so an operator's edit
 * takes effect at once, with nothing to reindex.
 */
import { normalizeSearchText } from './search-text';

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');
const RUNS = new RegExp(`[${CJK}]+|[^\\s${CJK}]+`, 'gu');

/** One term of a query: matched when any of its alternatives (each a normalized phrase) is. */
export type QueryTerm = readonly string[];

export const MAX_QUERY_TERMS = 8;
export const MAX_ALTERNATIVES = 24;

const quote = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;

/**
 * The tokens of a phrase as a tsquery phrase. Within the phrase every run is matched
 * exactly as documents store it; only its end is open: a final word is a prefix
 * (`joco` finds `joconde`), a final CJK run of 2+ characters its bigrams, a final single
 * CJK character any bigram it starts (or the run's last character).
 */
export function phraseQuery(phrase: string): string | null {
  const runs = normalizeSearchText(phrase).match(RUNS) ?? [];
  const out: string[] = [];
  runs.forEach((run, k) => {
    const last = k === runs.length - 1;
    const chars = [...run];
    if (!CJK_CHAR.test(chars[0]!)) {
      out.push(last ? `${quote(run)}:*` : quote(run));
      return;
    }
    if (chars.length === 1) {
      out.push(last ? `${quote(run)}:*` : quote(run));
      return;
    }
    for (let i = 0; i < chars.length - 1; i++) out.push(quote(chars[i]! + chars[i + 1]!));
    // Inside a phrase the run's last character follows its bigrams, as in the document.
    if (!last) out.push(quote(chars[chars.length - 1]!));
  });
  if (!out.length) return null;
  return out.length === 1 ? out[0]! : `(${out.join(' <-> ')})`;
}

/** The tsquery of terms: every term must match, by any of its alternatives. Null when nothing is searchable. */
export function toTsQuery(terms: readonly QueryTerm[]): string | null {
  const parts: string[] = [];
  for (const alternatives of terms) {
    const phrases = [...new Set(alternatives.map(phraseQuery).filter((p): p is string => !!p))];
    if (!phrases.length) continue;
    parts.push(phrases.length === 1 ? phrases[0]! : `(${phrases.join(' | ')})`);
  }
  return parts.length ? parts.join(' & ') : null;
}

/** A synonym dictionary: normalized entries, each in one group of normalized terms. */
export class SynonymDictionary {
  private readonly byEntry = new Map<string, readonly string[]>();
  /** Entries of more than one word, longest first. */
  private readonly phrases: string[][] = [];
  /** CJK entries, longest first: found inside a word written without spaces (梵高丝巾). */
  private readonly cjk: string[] = [];

  constructor(groups: readonly (readonly string[])[]) {
    // Groups that share a term are one set of synonyms (披肩 ~ foulard and foulard ~ 丝巾).
    const parent = new Map<string, string>();
    const root = (t: string): string => {
      let r = t;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(t, r);
      return r;
    };
    for (const group of groups) {
      const terms = [...new Set(group.map(normalizeSearchText).filter(Boolean))];
      if (terms.length < 2) continue;
      for (const t of terms) if (!parent.has(t)) parent.set(t, t);
      for (const t of terms.slice(1)) parent.set(root(t), root(terms[0]!));
    }
    const sets = new Map<string, string[]>();
    for (const t of parent.keys()) sets.set(root(t), [...(sets.get(root(t)) ?? []), t]);
    for (const t of parent.keys()) this.byEntry.set(t, sets.get(root(t))!);
    for (const entry of this.byEntry.keys()) {
      if (entry.includes(' ')) this.phrases.push(entry.split(' '));
      else if (/^[\p{L}\p{N}]+$/u.test(entry) && [...entry].every((c) => CJK_CHAR.test(c)) && [...entry].length >= 2) this.cjk.push(entry);
    }
    this.phrases.sort((a, b) => b.length - a.length);
    this.cjk.sort((a, b) => [...b].length - [...a].length);
  }

  synonymsOf(entry: string): readonly string[] | undefined {
    return this.byEntry.get(entry);
  }

  /**
   * The terms of a shopper's query, each with its alternatives: multi-word entries first
   * (`van gogh`), then single words, and inside a word in Chinese the dictionary's words
   * it contains (`梵高丝巾` is 梵高 and 丝巾). Empty when nothing searchable is left.
   */
  expand(query: string | null | undefined, maxTerms = MAX_QUERY_TERMS): QueryTerm[] {
    if (!query) return [];
    const words = normalizeSearchText(query).split(' ').filter(Boolean);
    const terms: string[][] = [];
    const push = (entry: string) => {
      const alternatives = (this.byEntry.get(entry) ?? [entry]).slice(0, MAX_ALTERNATIVES);
      if (!alternatives.includes(entry)) alternatives.unshift(entry);
      terms.push(alternatives);
    };
    for (let i = 0; i < words.length; ) {
      const phrase = this.phrases.find((p) => p.every((w, k) => words[i + k] === w));
      if (phrase) {
        push(phrase.join(' '));
        i += phrase.length;
        continue;
      }
      const word = words[i]!;
      if (this.byEntry.has(word) || !CJK_CHAR.test(word)) push(word);
      else for (const piece of this.segment(word)) push(piece);
      i++;
    }
    const seen = new Set<string>();
    return terms.filter((t) => !seen.has(t.join('|')) && seen.add(t.join('|'))).slice(0, maxTerms);
  }

  /** A word cut around the dictionary's CJK entries it contains, longest leftmost first. */
  private segment(word: string): string[] {
    const pieces: string[] = [];
    let rest = '';
    const chars = [...word];
    for (let i = 0; i < chars.length; ) {
      const hit = this.cjk.find((e) => chars.slice(i, i + [...e].length).join('') === e);
      if (hit) {
        if (rest) pieces.push(rest);
        rest = '';
        pieces.push(hit);
        i += [...hit].length;
      } else {
        rest += chars[i];
        i++;
      }
    }
    if (rest) pieces.push(rest);
    return pieces;
  }
}
