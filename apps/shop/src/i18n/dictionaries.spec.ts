import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { en } from './dictionaries/en';
import { fr } from './dictionaries/fr';
import { zhCN } from './dictionaries/zh-CN';
import { errorMessage, fill } from './dictionary';
import { API_ERROR_CODES } from './error-codes';
import type { Dictionary } from './types';

const ROOT = path.resolve(__dirname, '../../../..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'generated') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name)) out.push(full);
  }
  return out;
}

/** Every leaf of a dictionary, as path → text. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const p = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'string') out.set(p, v);
    else for (const [k, s] of leaves(v, p)) out.set(k, s);
  }
  return out;
}

describe('shop dictionaries', () => {
  it('knows every error code the libs define (so no shopper ever reads a bare code)', () => {
    const defined = new Set<string>();
    for (const file of sources(path.join(ROOT, 'libs'))) {
      const text = readFileSync(file, 'utf8');
      // `export const XxxErrorCode = { CODE: 'CODE', ... }` in each context's domain.
      for (const block of text.matchAll(/ErrorCode = \{([^}]*)\}/g)) for (const m of block[1]!.matchAll(/([A-Z][A-Z_]+):\s*'([A-Z_]+)'/g)) defined.add(m[2]!);
    }
    expect(defined.size).toBeGreaterThan(30);
    const known = new Set<string>(API_ERROR_CODES);
    expect([...defined].filter((c) => !known.has(c)).sort()).toEqual([]);
  });

  it.each([
    ['en', en],
    ['fr', fr],
  ] as const)('%s has the same keys and placeholders as zh-CN, none left empty or in Chinese', (_name, dict: Dictionary) => {
    const base = leaves(zhCN);
    const other = leaves(dict);
    expect([...other.keys()].sort()).toEqual([...base.keys()].sort());
    for (const [key, text] of other) {
      expect(text.trim()).not.toBe('');
      expect({ key, cjk: /[\u4e00-\u9fff]/.test(text) }).toEqual({ key, cjk: false });
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(base.get(key)!) });
    }
  });

  it('zh-CN is written in Chinese (no English left in it, brand names aside)', () => {
    for (const [key, text] of leaves(zhCN)) {
      if (key === 'meta.titleTemplate') continue;
      const withoutBrand = text.replace(/Vitrine/g, '').replace(/\{\w+\}/g, '');
      expect({ key, latinWords: withoutBrand.match(/[A-Za-z]{3,}/g) ?? [] }).toEqual({ key, latinWords: [] });
    }
  });

  it('maps codes to the locale’s message and anything else to the generic one', () => {
    expect(errorMessage(zhCN, 'OUT_OF_STOCK')).toBe('库存不足。');
    expect(errorMessage(fr, 'INVALID_RESIDENT_ID')).toMatch(/carte d’identité/);
    expect(errorMessage(en, 'SOMETHING_NEW')).toBe(en.errors.UNKNOWN);
    expect(errorMessage(zhCN, undefined)).toBe(zhCN.errors.UNKNOWN);
    expect(fill(zhCN.header.cartLabel, { count: 3 })).toBe('购物车，3 件商品');
  });
});
